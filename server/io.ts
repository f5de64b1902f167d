import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A body over the limit is read to its end and thrown away, so that the caller can be answered 413
 * instead of finding its connection reset mid-upload. Past this many bytes the sender is not worth
 * waiting for: the connection is dropped.
 */
const DISCARD_AT_MOST = 16 * 1024 * 1024;

/** The request body as text, or null when it grows past `max` bytes (the rest is then discarded). */
export function readRaw(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max + DISCARD_AT_MOST) {
        resolve(null);
        req.destroy();
        return;
      }
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(value));
