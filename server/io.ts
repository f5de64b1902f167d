import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request body as text, or null once it grows past `max` bytes (the connection is then dropped). */
export function readRaw(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(value));
