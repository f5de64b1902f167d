import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { loadConfig } from '../../server/config';
import { createRuntime, type Runtime } from '../../server/runtime';
import { createHttpServer } from '../../server/http';
import { COLLECTIONS } from '../../cloudfunctions/core/schema/collections';

export interface TestRuntime {
  rt: Runtime;
  url: string;
  dataDir: string;
  adminPassword: string;
  /** POST /api/functions/<name> and return status + parsed body */
  call(name: string, body: unknown, opts?: { token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  raw(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
  /** a fresh (or given) WeChat identity from the dev simulator */
  wechat(input?: { openid?: string; appid?: string; unionid?: string }): Promise<{ token: string; openid: string; appid: string }>;
  adminToken(): Promise<string>;
  /** a digest of every row of every collection: equal digests mean nothing was written */
  digest(): string;
  stop(): Promise<void>;
}

/** A real local runtime (SQLite in a temp folder, the HTTP server on a free port) for one test file. */
export async function startTestRuntime(env: Record<string, string> = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-test-'));
  const adminPassword = 'test-admin-password-1';
  const config = loadConfig({ DATA_DIR: dataDir, HULIAN_SECRET: 'test-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: adminPassword, PORT: '0', ...env });
  const rt = await createRuntime(config);
  const server: Server = createHttpServer(rt);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const raw = async (path: string, init?: RequestInit) => {
    const res = await fetch(url + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: body as any };
  };
  const call: TestRuntime['call'] = (name, body, opts = {}) =>
    raw(`/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const wechat: TestRuntime['wechat'] = async (input = {}) => {
    const r = await raw('/api/dev/wechat/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    if (r.status !== 200) throw new Error(`dev session failed: ${JSON.stringify(r.body)}`);
    return r.body.data;
  };
  const adminToken = async () => {
    const r = await call('admin', { action: 'login', data: { username: 'admin', password: adminPassword } });
    if (!r.body.ok) throw new Error(`admin login failed: ${JSON.stringify(r.body)}`);
    return r.body.data.token as string;
  };
  const digest = () => {
    const db = new Database(join(dataDir, 'hulian.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const h = createHash('sha256');
      for (const c of COLLECTIONS) {
        for (const row of db.prepare(`SELECT * FROM "${c.name}" ORDER BY 1`).all()) h.update(c.name + JSON.stringify(row));
      }
      return h.digest('hex');
    } finally {
      db.close();
    }
  };
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { rt, url, dataDir, adminPassword, call, raw, wechat, adminToken, digest, stop };
}
