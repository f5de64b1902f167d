import { call } from '../../../services/client';
import type { ObjectName, Page, RecordViews } from '../../../services/contracts';

/**
 * `records` answers are typed as the union of all views; the object asked for decides which one
 * comes back, so the narrowing lives here once.
 */
export function listRecords<O extends ObjectName>(object: O, opts: { filter?: Record<string, string>; cursor?: string; limit?: number } = {}): Promise<Page<RecordViews[O]>> {
  return call('records', 'list', { object, ...opts }) as Promise<Page<RecordViews[O]>>;
}

export function getRecord<O extends ObjectName>(object: O, id: string): Promise<RecordViews[O]> {
  return call('records', 'get', { object, id }) as Promise<RecordViews[O]>;
}

export { call };
