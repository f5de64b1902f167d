import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { createRuntime } from '../server/runtime';
import { dispatch } from '../cloudfunctions/functions/shared/dispatch';
import { authFunction } from '../cloudfunctions/functions/auth/actions';
import type { BenchRow } from './table';

/** Store round trips of one warm `auth.login`, counted by the SQLite adapter (target: at most 2). */
export async function loginRoundTrips(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-bench-rt-'));
  const rt = await createRuntime(loadConfig({ DATA_DIR: dataDir, HULIAN_SECRET: 'bench-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: 'bench' }));
  try {
    const caller = { appid: rt.config.devAppId, openid: 'oBenchRoundTrips1' };
    const req = { body: { action: 'login', data: {} }, caller, requestId: 'bench' };
    const first = await dispatch(authFunction, rt.deps, req);
    if (!first.envelope.ok) throw new Error('first login failed');
    await dispatch(authFunction, rt.deps, req); // warms the settings/roles/method caches
    const before = rt.store.roundTrips;
    await dispatch(authFunction, rt.deps, req);
    const warm = rt.store.roundTrips - before;
    const coldBefore = rt.store.roundTrips;
    await dispatch(authFunction, rt.deps, { ...req, caller: { ...caller, openid: 'oBenchRoundTrips2' } });
    const firstLogin = rt.store.roundTrips - coldBefore;
    return [
      { area: 'login (store)', metric: 'round trips per warm login', value: String(warm), baseline: 'target 2', ratio: `${(warm / 2).toFixed(2)}×`, note: `first login (creates user): ${firstLogin}` },
    ];
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
