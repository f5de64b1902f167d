import type { ServerResponse } from 'node:http';
import { sampleRegistry } from '../../cloudfunctions/adapters/registry';
import { sendJson } from '../io';

const sample = sampleRegistry();

/**
 * The registry sample over HTTP, in the wire format of the HTTP registry provider: point
 * `HULIAN_REGISTRY_URL` at `http://127.0.0.1:8080/api/dev/registry` to run the HTTP provider locally.
 */
export async function handleDevRegistry(res: ServerResponse, url: URL): Promise<void> {
  const send = (status: number, body: unknown) => sendJson(res, status, body);
  const path = url.pathname.replace(/^\/api\/dev\/registry/, '');
  if (path === '/companies') {
    const q = (url.searchParams.get('q') ?? '').slice(0, 50);
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 10, 1), 50);
    return send(200, { items: await sample.search(q, limit) });
  }
  const one = /^\/companies\/([0-9A-Z]{18})$/.exec(path);
  if (one) {
    const company = await sample.byCreditCode(one[1]);
    return company ? send(200, company) : send(404, { error: 'not found' });
  }
  return send(404, { error: 'not found' });
}
