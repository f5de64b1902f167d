/**
 * A marketing burst on the cloud path: BURST concurrent registrations of new companies (round-robin
 * owners), each a real registration (core submitRegistration) whose store is the CloudBase adapter on the
 * real @cloudbase/node-sdk, talking to the wire stand-in with LATENCY_MS added to every call, as the
 * network and database would. Reported: failures, p50/p99 of one registration, and the transaction
 * conflicts absorbed by retries — against the same burst with every seat in one licence document (the
 * layout before seat blocks), measured in the same run.
 */
import tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore, type CloudbaseStore } from '../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../cloudfunctions/adapters/cloudbase/sdk-types';
import { BUILTIN_ROLES, TERMINAL_USER_ROLE_ID } from '../cloudfunctions/core/access/builtin-roles';
import type { AccountDoc, MethodDoc } from '../cloudfunctions/core/kernel/docs';
import { addSeatsInTx, LICENCE_ID, licenceSummary } from '../cloudfunctions/core/licences/seats';
import { bindPhone } from '../cloudfunctions/core/registration/mobile-proof';
import { submitRegistration } from '../cloudfunctions/core/registration/submit';
import { defaultSettings } from '../cloudfunctions/core/settings/settings';
import { createTestDeps, type TestDeps } from '../test/support/deps';
import { startTcbStandin } from '../test/support/tcb-standin';
import type { BenchRow } from './table';

const BURST = Number(process.env['BENCH_BURST'] ?? 200);
const LATENCY_MS = Number(process.env['BENCH_BURST_LATENCY_MS'] ?? 30);
const APP = 'wxburst000000001';
const OWNERS = ['sales-1', 'sales-2', 'sales-3', 'sales-4', 'sales-5'];
const consent = { agreed: true as const, termsVersion: '2026-11-01' };

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

interface Outcome {
  failures: Map<string, number>;
  ms: number[];
  roundTrips: number;
  perOwner: number[];
  seats: { total: number; used: number };
}

async function burst(layout: 'blocks' | 'one-document'): Promise<Outcome> {
  const standin = await startTcbStandin({ latencyMs: LATENCY_MS });
  try {
    const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 60_000 });
    const store: CloudbaseStore = createCloudbaseStore(app.database() as unknown as TcbDb, { txAttempts: 8 });
    const local = createTestDeps();
    local.store.close();
    const deps: TestDeps = { ...local, store } as unknown as TestDeps;
    const now = new Date().toISOString();
    await store.insert('settings', { ...defaultSettings(now), self_registration: { enabled: true } });
    for (const role of BUILTIN_ROLES) await store.insert('roles', role);
    await store.insert('methods', { _id: 'mth_burst', name: '活动注册', app_id: APP, enabled: true, mode: 'form', role_ids: [TERMINAL_USER_ROLE_ID], created_at: now, account: { owner_assignment: 'round-robin', owners: OWNERS } } satisfies MethodDoc);
    if (layout === 'blocks') await store.transaction((tx) => addSeatsInTx(tx, BURST));
    else await store.insert('licences', { _id: LICENCE_ID, total: BURST, used: 0 });
    const people = Array.from({ length: BURST }, (_, i) => ({ who: { appid: APP, openid: `oBurst${layout}${i}` }, phone: `137${String(10_000_000 + i).slice(-8)}`, company: `${i}号活动测试有限公司` }));
    // the phone proofs come first (another function, another minute): the burst is the submit
    for (let i = 0; i < people.length; i += 20) await Promise.all(people.slice(i, i + 20).map((p) => bindPhone(deps, p.who, deps.phone.issuePhoneCode(p.phone, APP), consent)));
    store.resetRoundTrips();
    const failures = new Map<string, number>();
    const ms: number[] = [];
    // Each registration runs as its own function instance would: its own SDK and connections (the SDK shares
    // one 100-socket agent per timeout value, so a distinct timeout gives each its own, as separate SCF instances have)
    const instances = people.map((_, i) => {
      const own = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 60_000 + i });
      return createCloudbaseStore(own.database() as unknown as TcbDb);
    });
    await Promise.all(
      people.map(async (p, i) => {
        const t0 = performance.now();
        try {
          await submitRegistration({ ...deps, store: instances[i] }, p.who, { account: { name: p.company }, contact: { name: '活动', mobile1: p.phone }, consent });
          ms.push(performance.now() - t0);
        } catch (e) {
          const code = (e as { code?: string }).code ?? (e instanceof Error ? e.name : String(e));
          failures.set(code, (failures.get(code) ?? 0) + 1);
        }
      }),
    );
    const accounts = await store.find<AccountDoc>('accounts', { where: {}, limit: 1000 });
    return { failures, ms, roundTrips: instances.reduce((n, s) => n + s.roundTrips, 0), perOwner: OWNERS.map((o) => accounts.filter((a) => a['owner'] === o).length), seats: await licenceSummary(deps) };
  } finally {
    await standin.close();
  }
}

const failureText = (f: Map<string, number>) => (f.size ? [...f].map(([k, n]) => `${n} ${k}`).join(', ') : '0');

export async function registrationBurst(): Promise<BenchRow[]> {
  process.env['TENCENTCLOUD'] = 'true';
  const after = await burst('blocks');
  const before = await burst('one-document');
  const ok = (o: Outcome) => `${o.ms.length}/${BURST} ok, failures ${failureText(o.failures)}`;
  return [
    { area: 'bursts', metric: `${BURST} concurrent registrations (${LATENCY_MS} ms per call): outcome`, value: ok(after), baseline: `${ok(before)} (all seats in one document)`, ratio: '', note: `seats used ${after.seats.used}/${after.seats.total}; accounts per owner ${after.perOwner.join('/')}` },
    { area: 'bursts', metric: 'one registration p50', value: `${pct(after.ms, 50).toFixed(0)} ms`, baseline: `${pct(before.ms, 50).toFixed(0)} ms`, ratio: (pct(after.ms, 50) / Math.max(1, pct(before.ms, 50))).toFixed(3) + '×' },
    { area: 'bursts', metric: 'one registration p99', value: `${pct(after.ms, 99).toFixed(0)} ms`, baseline: `${pct(before.ms, 99).toFixed(0)} ms`, ratio: (pct(after.ms, 99) / Math.max(1, pct(before.ms, 99))).toFixed(3) + '×' },
    { area: 'bursts', metric: 'store round trips for the burst', value: String(after.roundTrips), baseline: String(before.roundTrips), ratio: (after.roundTrips / Math.max(1, before.roundTrips)).toFixed(3) + '×', note: 'more than one per operation = conflicts retried' },
  ];
}
