import { getLocale, messagesFor } from '../i18n/locale';

import type { ActionIn, ActionName, ActionOut, Envelope, FunctionName, Locale } from './contracts';
import { CallError } from './errors';
import { platformTransport, type Transport } from './transport';

export { CallError, isCallError, isGated, type ClientErrorCode } from './errors';

export type CallFn = <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionIn<F, A>) => Promise<ActionOut<F, A>>;

function isEnvelope(v: unknown): v is Envelope {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (e.ok === true) return 'data' in e;
  return e.ok === false && typeof e.error?.code === 'string' && typeof e.error.message === 'string';
}

/** Builds a typed client over any transport; tests pass a fake transport, the app uses the platform one. */
export function createClient(transport: Transport, locale: () => Locale = getLocale): { call: CallFn } {
  const call: CallFn = async (fn, action, data) => {
    const lang = locale();
    let raw: unknown;
    try {
      raw = await transport(fn, { action, data, locale: lang });
    } catch {
      // Platform/network details mean nothing to users and must not leak into the UI.
      throw new CallError({ code: 'transport/failed', message: messagesFor(lang).errors.transport });
    }
    if (!isEnvelope(raw)) throw new CallError({ code: 'transport/failed', message: messagesFor(lang).errors.malformed });
    if (raw.ok) return raw.data as ActionOut<typeof fn, typeof action>;
    throw new CallError(raw.error);
  };
  return { call };
}

let platformClient: { call: CallFn } | null = null;

/** The app's one client: `call('records', 'list', {object: 'article'})`, typed from the contract. */
export const call: CallFn = (fn, action, data) => {
  platformClient ??= createClient(platformTransport());
  return platformClient.call(fn, action, data);
};
