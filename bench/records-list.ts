import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { createRuntime, type Runtime } from '../server/runtime';
import { dispatch } from '../cloudfunctions/functions/shared/dispatch';
import { recordsFunction } from '../cloudfunctions/functions/records/actions';
import { wechatBindingId } from '../cloudfunctions/core/identity/bindings';
import { q } from '../cloudfunctions/core/ports';
import { fmtRatio, type BenchRow } from './table';

const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 1000);
const ORDERS = Number(process.env['BENCH_ORDERS'] ?? 100_000);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 2000);
const NAIVE_RUNS = 5;

const accountId = (a: number) => `acc_b${String(a).padStart(5, '0')}`;
const userId = (a: number, i: number) => `usr_b${String(a).padStart(5, '0')}_${i}`;
const openid = (a: number) => `oBenchMember${String(a).padStart(5, '0')}`;

/**
 * 1k Accounts, each with an account admin and a terminal user, and 100k work orders spread over them
 * (ids time-ordered, as generated ones are), written straight into SQLite in one transaction.
 */
function bulkInsert(rt: Runtime): void {
  const db = rt.store.db;
  const now = new Date().toISOString();
  const appid = rt.config.devAppId;
  const put = (table: string) => db.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`);
  const [acc, ent, usr, bind, wo] = [put('accounts'), put('ic_enterprises'), put('ic_users'), put('ic_bindings'), put('work_orders')];
  const start = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    for (let a = 0; a < ACCOUNTS; a++) {
      acc.run(accountId(a), JSON.stringify({ _id: accountId(a), name: `客户 ${a}`, created_at: now }));
      ent.run(`ent_b${a}`, JSON.stringify({ _id: `ent_b${a}`, name: `客户 ${a}`, kind: 'account', account_id: accountId(a), created_at: now }));
      for (const [i, role] of [[0, 'account-admin'], [1, 'terminal-user']] as const) {
        const u = { _id: userId(a, i), kind: 'member', status: 'active', name: `成员 ${a}-${i}`, enterprise_id: `ent_b${a}`, enterprise_name: `客户 ${a}`, account_id: accountId(a), contact_id: `con_b${a}_${i}`, role_ids: [role], holds_seat: true, created_at: now, updated_at: now };
        usr.run(u._id, JSON.stringify(u));
      }
      const b = wechatBindingId({ appid, openid: openid(a) });
      bind.run(b, JSON.stringify({ _id: b, user_id: userId(a, 0), type: 'wechat', appid, created_at: now }));
    }
    for (let n = 0; n < ORDERS; n++) {
      const a = n % ACCOUNTS;
      const at = start + n * 60_000;
      const id = `wo_${at.toString(36).padStart(9, '0')}000bench${String(n).padStart(7, '0')}`;
      const doc = { _id: id, title: `工单 ${n}`, description: '基准数据', priority: 'normal', status: n % 5 === 0 ? 'closed' : 'open', created_by: userId(a, n % 2), created_by_name: `成员 ${a}`, enterprise_id: `ent_b${a}`, account_id: accountId(a), created_at: new Date(at).toISOString(), updated_at: new Date(at).toISOString(), rev: 1 };
      wo.run(id, JSON.stringify(doc));
    }
  })();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `call` for CALLS random Accounts; latency per call (ms) and store round trips per call. */
async function measure(rt: Runtime, call: (a: number) => Promise<void>): Promise<{ p50: number; p95: number; trips: number }> {
  const times: number[] = [];
  let trips = 0;
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % ACCOUNTS;
  for (let i = 0; i < CALLS; i++) {
    const a = next();
    const before = rt.store.roundTrips;
    const t0 = process.hrtime.bigint();
    await call(a);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    trips += rt.store.roundTrips - before;
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), p95: percentile(times, 95), trips: trips / CALLS };
}

const ms = (v: number) => v.toFixed(3);

/**
 * `records.list` of work orders under the account scope, through the real router (principal from the
 * binding, roles and settings from the warm cache), against `records.get` by id through the same path
 * (the cheapest scoped read there is) and against a naive full read filtered in JS.
 */
export async function recordsList(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-bench-records-'));
  const rt = await createRuntime(loadConfig({ DATA_DIR: dataDir, HULIAN_SECRET: 'bench-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: 'bench', HULIAN_SEED: '0' }));
  try {
    bulkInsert(rt);
    const caller = (a: number) => ({ appid: rt.config.devAppId, openid: openid(a) });
    const run = async (a: number, action: string, data: Record<string, unknown>) => {
      const out = await dispatch(recordsFunction, rt.deps, { body: { action, data }, caller: caller(a), requestId: 'bench' });
      if (!out.envelope.ok) throw new Error(`${action} failed: ${JSON.stringify(out.envelope.error)}`);
      return out.envelope.data as { items?: Array<{ id: string }>; nextCursor?: string };
    };
    // warm the settings/roles caches and SQLite's page cache
    for (let a = 0; a < 50; a++) await run(a, 'list', { object: 'workOrder' });
    const firstIdOf = new Map<number, string>();
    const cursorOf = new Map<number, string>();
    for (let a = 0; a < ACCOUNTS; a++) {
      const page = await run(a, 'list', { object: 'workOrder', limit: 20 });
      firstIdOf.set(a, page.items![0].id);
      cursorOf.set(a, (await run(a, 'list', { object: 'workOrder', limit: 20, cursor: page.nextCursor })).nextCursor!);
    }

    const list = await measure(rt, async (a) => void (await run(a, 'list', { object: 'workOrder', limit: 20 })));
    const deep = await measure(rt, async (a) => void (await run(a, 'list', { object: 'workOrder', limit: 20, cursor: cursorOf.get(a) })));
    const get = await measure(rt, async (a) => void (await run(a, 'get', { object: 'workOrder', id: firstIdOf.get(a)! })));

    // naive: every work order, 1000 at a time (CloudBase's cap), the Account's picked out in JS
    const naiveTimes: number[] = [];
    const naiveBefore = rt.store.roundTrips;
    for (let r = 0; r < NAIVE_RUNS; r++) {
      const t0 = process.hrtime.bigint();
      const mine: unknown[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await rt.store.find('work_orders', { where: after ? { _id: q.gt(after) } : {}, orderBy: [['_id', 'asc']], limit: 1000 });
        for (const d of page) if (d['account_id'] === accountId(r)) mine.push(d);
        if (page.length < 1000) break;
        after = page[page.length - 1]._id;
      }
      naiveTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const naiveTrips = (rt.store.roundTrips - naiveBefore) / NAIVE_RUNS;
    naiveTimes.sort((x, y) => x - y);
    const naiveP50 = percentile(naiveTimes, 50);

    const plan = rt.store.explainFind('work_orders', { where: { account_id: accountId(1), _id: q.lt('wo_zzz') }, orderBy: [['_id', 'desc']], limit: 21 }).join('; ');
    const scale = `${ORDERS / 1000}k orders / ${ACCOUNTS} accounts, ${CALLS} calls, in-process router`;
    return [
      { area: 'records.list', metric: 'work orders, account scope, page 1: p50 ms', value: ms(list.p50), baseline: `get by id ${ms(get.p50)}`, ratio: fmtRatio(list.p50, get.p50), note: scale },
      { area: 'records.list', metric: 'work orders, account scope, page 1: p95 ms', value: ms(list.p95), baseline: `get by id ${ms(get.p95)}`, ratio: fmtRatio(list.p95, get.p95), note: '20 items a page' },
      { area: 'records.list', metric: 'work orders, account scope, page 3: p50 / p95 ms', value: `${ms(deep.p50)} / ${ms(deep.p95)}`, baseline: `get by id ${ms(get.p50)} / ${ms(get.p95)}`, ratio: fmtRatio(deep.p50, get.p50), note: 'via nextCursor' },
      { area: 'records.list', metric: 'store round trips per list', value: list.trips.toFixed(2), baseline: `get by id ${get.trips.toFixed(2)}`, ratio: fmtRatio(list.trips, get.trips), note: 'binding + user + one query per scope branch (account, own)' },
      { area: 'records.list', metric: 'vs naive full read filtered in JS: p50 ms', value: ms(list.p50), baseline: `naive ${ms(naiveP50)}`, ratio: `${(list.p50 / naiveP50).toPrecision(2)}×`, note: `naive: ${naiveTrips.toFixed(0)} round trips, ${NAIVE_RUNS} runs; plan: ${plan}` },
    ];
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
