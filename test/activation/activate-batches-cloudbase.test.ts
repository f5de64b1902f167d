/**
 * Manual activation of many Contacts on CloudBase, whose transactions hold at most TX_LIMITS.operations
 * (the stand-in aborts a larger one): the request is written in batches, each within the limit, and the
 * seats of the whole request are still checked before anything is written.
 */
import tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { ACTIVATION_BATCH, activateAccounts } from '../../cloudfunctions/core/activation/activate';
import { MAX_USERS_PER_ACTIVATION } from '../../cloudfunctions/core/activation/selection';
import { BUILTIN_ROLES } from '../../cloudfunctions/core/access/builtin-roles';
import type { AdminDoc } from '../../cloudfunctions/core/kernel/docs';
import type { Deps } from '../../cloudfunctions/core/ports';
import { TX_LIMITS } from '../../cloudfunctions/core/ports/store';
import { defaultSettings } from '../../cloudfunctions/core/settings/settings';
import { addSeatsInTx, licenceSummary } from '../../cloudfunctions/core/licences/seats';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { createTestDeps } from '../support/deps';

jest.setTimeout(60_000);

const ADMIN: AdminDoc = { _id: 'adm_root', username: 'root', display_name: 'root', password_hash: 'x', permissions: ['*'], failed_attempts: 0, locked_until: 0 };
const N = MAX_USERS_PER_ACTIVATION;

describe('manual activation of many Contacts on the CloudBase store', () => {
  let standin: TcbStandin;
  let deps: Deps;
  const request = (prefix: string) => ({ accounts: Array.from({ length: N }, (_, i) => ({ accountId: `${prefix}_${i}`, contactIds: [`${prefix}_c${i}`] })), roleIds: ['terminal-user'] });

  beforeEach(async () => {
    process.env.TENCENTCLOUD = 'true';
    standin = await startTcbStandin();
    const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 10_000 });
    deps = { ...createTestDeps(), store: createCloudbaseStore(app.database() as unknown as TcbDb) };
    await deps.store.insert('settings', defaultSettings(new Date().toISOString()));
    for (const r of BUILTIN_ROLES) await deps.store.insert('roles', r);
    for (let i = 0; i < N; i++) {
      await deps.store.insert('accounts', { _id: `acc_${i}`, name: `批量激活${i}有限公司` });
      await deps.store.insert('contacts', { _id: `acc_c${i}`, account_id: `acc_${i}`, name: `联系人${i}` });
    }
  });
  afterEach(() => standin.close());

  it(`given ${N} Contacts in ${N} Accounts and enough seats, then all are activated in transactions of at most ${TX_LIMITS.operations} operations`, async () => {
    await deps.store.transaction((tx) => addSeatsInTx(tx, N + 5));
    const from = standin.requests.length;
    const r = await activateAccounts(deps, ADMIN, request('acc'));
    expect(r.activated).toHaveLength(N);
    expect(r.seatsTaken).toBe(N);
    expect(await deps.store.count('ic_users')).toBe(N);
    expect(await deps.store.count('ic_enterprises')).toBe(N);
    expect(await licenceSummary(deps)).toEqual({ total: N + 5, used: N, free: 5 });
    const perTx = new Map<string, number>();
    for (const q of standin.requests.slice(from)) if (q.transactionId) perTx.set(q.transactionId, (perTx.get(q.transactionId) ?? 0) + 1);
    expect(perTx.size).toBeGreaterThanOrEqual(Math.ceil(N / ACTIVATION_BATCH));
    expect(Math.max(...perTx.values())).toBeLessThanOrEqual(TX_LIMITS.operations);
  });

  it('given one seat fewer than the request needs, then nothing at all is written', async () => {
    await deps.store.transaction((tx) => addSeatsInTx(tx, N - 1));
    await expect(activateAccounts(deps, ADMIN, request('acc'))).rejects.toMatchObject({ code: 'licence/exhausted', params: { needed: N, free: N - 1 } });
    expect(await deps.store.count('ic_users')).toBe(0);
    expect(await deps.store.count('ic_enterprises')).toBe(0);
    expect((await licenceSummary(deps)).used).toBe(0);
  });
});
