/**
 * The seat race on CloudBase's optimistic transactions: the real @cloudbase/node-sdk against the wire
 * stand-in, whose transactions see a snapshot and fail with write conflicts (SQLite serialises instead).
 */
import tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { activateAccounts } from '../../cloudfunctions/core/activation/activate';
import { BUILTIN_ROLES } from '../../cloudfunctions/core/access/builtin-roles';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import type { AdminDoc } from '../../cloudfunctions/core/kernel/docs';
import type { Deps } from '../../cloudfunctions/core/ports';
import { defaultSettings } from '../../cloudfunctions/core/settings/settings';
import { LICENCE_ID } from '../../cloudfunctions/core/licences/seats';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { createTestDeps } from '../support/deps';

const ADMIN: AdminDoc = { _id: 'adm_root', username: 'root', display_name: 'root', password_hash: 'x', permissions: ['*'], failed_attempts: 0, locked_until: 0 };

describe('manual activation on the CloudBase store', () => {
  let standin: TcbStandin;
  let deps: Deps;
  beforeAll(async () => {
    process.env.TENCENTCLOUD = 'true';
    standin = await startTcbStandin();
    const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 10_000 });
    deps = { ...createTestDeps(), store: createCloudbaseStore(app.database() as unknown as TcbDb) };
    await deps.store.insert('settings', defaultSettings(new Date().toISOString()));
    for (const r of BUILTIN_ROLES) await deps.store.insert('roles', r);
    await deps.store.insert('licences', { _id: LICENCE_ID, total: 3, used: 0 });
    await deps.store.insert('accounts', { _id: 'acc_cb', name: '云端并发有限公司' });
    for (let i = 0; i < 20; i++) await deps.store.insert('contacts', { _id: `con_cb_${i}`, account_id: 'acc_cb', name: `联系人${i}` });
  });
  afterAll(() => standin.close());

  test('given 3 free seats, when 20 activations race, then exactly 3 users exist and 17 calls are licence/exhausted', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        activateAccounts(deps, ADMIN, { accounts: [{ accountId: 'acc_cb', contactIds: [`con_cb_${i}`] }], roleIds: ['terminal-user'] }).then(
          () => 'ok',
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'licence/exhausted')).toHaveLength(17);
    expect(await deps.store.get('licences', LICENCE_ID)).toMatchObject({ total: 3, used: 3 });
    expect(await deps.store.count('ic_users', { account_id: 'acc_cb' })).toBe(3);
    expect(await deps.store.count('ic_enterprises', { account_id: 'acc_cb' })).toBe(1);
    expect(await deps.store.count('audit_log', { action: 'user.activated' })).toBe(3);
  });
});
