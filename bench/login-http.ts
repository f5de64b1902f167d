import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fmtRatio, type BenchRow } from './table';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);

function runCannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('runtime did not start');
}

/** Warm `auth.login` over HTTP against the bare health route of the same server process. */
export async function loginOverHttp(root: string): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-bench-'));
  const port = 18000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HULIAN_ADMIN_PASSWORD: 'bench-password' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url);
    const session = (await (await fetch(`${url}/api/dev/wechat/session`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { data: { token: string } };
    const body = JSON.stringify({ action: 'login', data: {} });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${session.data.token}` };
    const warm = await fetch(`${url}/api/functions/auth`, { method: 'POST', body, headers });
    if (!((await warm.json()) as { ok: boolean }).ok) throw new Error('warm-up login failed');
    const base = await runCannon({ url: `${url}/api/health`, connections: 10, duration: DURATION });
    const login = await runCannon({ url: `${url}/api/functions/auth`, method: 'POST', body, headers, connections: 10, duration: DURATION });
    const bad = login.non2xx + login.errors;
    return [
      { area: 'login (HTTP)', metric: 'warm auth.login req/s', value: login.requests.average.toFixed(0), baseline: `health ${base.requests.average.toFixed(0)}`, ratio: fmtRatio(login.requests.average, base.requests.average), note: `${DURATION}s, 10 connections, ${bad} errors` },
      { area: 'login (HTTP)', metric: 'warm auth.login p99 ms', value: String(login.latency.p99), baseline: `health ${base.latency.p99}`, ratio: fmtRatio(login.latency.p99, Math.max(base.latency.p99, 1)), note: '' },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
