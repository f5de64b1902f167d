import { request } from 'node:http';

/**
 * HTTP from a chosen loopback address (127.0.0.2, 127.0.0.3, …): the local runtime takes the client IP
 * from the socket, so each address is another client to it.
 */
export interface AddressedAnswer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export function postFrom(baseUrl: string, localAddress: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<AddressedAnswer> {
  const url = new URL(path, baseUrl);
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `admin.login` from an address. */
export const adminLoginFrom = (baseUrl: string, address: string, username: string, password: string) =>
  postFrom(baseUrl, address, '/api/functions/admin', { action: 'login', data: { username, password } });

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
