import { AppError } from '../kernel/app-error';

/** Opaque paging cursor: the last id seen (ids are time-ordered), base64url-encoded. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { after?: unknown }).after === 'string') {
      const after = (parsed as { after: string }).after;
      if (/^[A-Za-z0-9_-]{1,64}$/.test(after)) return after;
    }
  } catch {
    // fall through: a cursor we did not issue
  }
  throw new AppError('input/invalid', { field: 'cursor', reason: 'malformed' });
}
