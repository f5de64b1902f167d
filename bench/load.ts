import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeProcess } from '../test/reliability/crash/runtime-process';
import { fmtRatio, type BenchRow } from './table';

const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 20);
const WORKERS = Number(process.env['BENCH_LOAD_WORKERS'] ?? 8);
/** the stated bound: the runtime's resident memory may grow by at most this much over the run */
const RSS_GROWTH_BOUND = 96 * 1024 * 1024;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

/**
 * A sustained mixed load on the local runtime for a fixed time: per action p50/p95/p99 and errors, with
 * the bare health route measured in the same run as the baseline, and the runtime's memory at start and end.
 */
export async function sustainedLoad(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-load-'));
  const rt = new RuntimeProcess(18500 + Math.floor(Math.random() * 400), dataDir, { HULIAN_ADMIN_PASSWORD: 'bench-load-password' });
  const lat = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const timed = async (name: string, path: string, body?: unknown, token?: string) => {
    const t0 = performance.now();
    let ok = false;
    try {
      const r = await fetch(rt.url + path, body === undefined ? undefined : { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      const json = (await r.json()) as { ok: boolean };
      ok = json.ok;
    } catch {
      ok = false;
    }
    (lat.get(name) ?? lat.set(name, []).get(name)!).push(performance.now() - t0);
    if (!ok) errors.set(name, (errors.get(name) ?? 0) + 1);
  };
  try {
    await rt.start();
    const pid = rt.pid ?? 0;
    const session = async (openid?: string) => ((await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(openid ? { openid } : {}) })).json()) as { data: { token: string } }).data.token;
    const member = await session('oDemoZhangWei001');
    const admin = ((await (await fetch(`${rt.url}/api/functions/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { username: 'admin', password: 'bench-load-password' } }) })).json()) as { data: { token: string } }).data.token;
    // first logins take seats: grant enough that the run measures logins, not `licence/exhausted`
    await timed('warm-up', '/api/functions/admin', { action: 'licences.grant', data: { seats: 100_000, reason: 'load bench' } }, admin);
    await timed('warm-up', '/api/functions/auth', { action: 'login', data: {} }, member);
    const rssStart = pid ? rssOf(pid) : 0;
    const ops: Array<() => Promise<void>> = [
      () => timed('health (baseline)', '/api/health'),
      () => timed('auth.login (warm)', '/api/functions/auth', { action: 'login', data: {} }, member),
      async () => timed('auth.login (first)', '/api/functions/auth', { action: 'login', data: {} }, await session()),
      () => timed('records.list article', '/api/functions/records', { action: 'list', data: { object: 'article' } }, member),
      () => timed('records.list workOrder', '/api/functions/records', { action: 'list', data: { object: 'workOrder' } }, member),
      () => timed('records.create workOrder', '/api/functions/records', { action: 'create', data: { object: 'workOrder', data: { title: '压测工单', description: '持续负载' } } }, member),
      () => timed('admin.users.list', '/api/functions/admin', { action: 'users.list', data: {} }, admin),
      () => timed('admin.dashboard', '/api/functions/admin', { action: 'dashboard', data: {} }, admin),
    ];
    const until = Date.now() + SECONDS * 1000;
    let i = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (Date.now() < until) await ops[i++ % ops.length]();
      }),
    );
    const rssEnd = pid ? rssOf(pid) : 0;
    const base = lat.get('health (baseline)') ?? [];
    const rows: BenchRow[] = [];
    for (const [name, xs] of lat) {
      if (name === 'warm-up') continue;
      rows.push({
        area: 'load',
        metric: `${name} p50/p95/p99 ms`,
        value: `${pct(xs, 50).toFixed(1)}/${pct(xs, 95).toFixed(1)}/${pct(xs, 99).toFixed(1)}`,
        baseline: `health p50 ${pct(base, 50).toFixed(1)}`,
        ratio: fmtRatio(pct(xs, 50), Math.max(pct(base, 50), 0.01)),
        note: `${xs.length} calls, ${errors.get(name) ?? 0} errors`,
      });
    }
    const growth = rssEnd - rssStart;
    rows.push({
      area: 'load',
      metric: 'runtime RSS start → end',
      value: pid ? `${(rssStart / 2 ** 20).toFixed(0)} → ${(rssEnd / 2 ** 20).toFixed(0)} MiB` : 'n/a',
      baseline: `bound +${RSS_GROWTH_BOUND / 2 ** 20} MiB`,
      ratio: pid ? fmtRatio(Math.max(growth, 0), RSS_GROWTH_BOUND) : 'n/a',
      note: `${SECONDS}s, ${WORKERS} clients; ${pid && growth > RSS_GROWTH_BOUND ? 'BOUND EXCEEDED' : 'within bound'}`,
    });
    return rows;
  } finally {
    await rt.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
