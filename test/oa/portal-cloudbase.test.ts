import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { seedCloudbase, standinStore } from '../support/seed-cloudbase';
import { nodeCrypto } from '../../cloudfunctions/adapters/node/crypto';
import { systemClock } from '../../cloudfunctions/adapters/node/clock';
import { openPortalSession } from '../../cloudfunctions/core/official-account/session';
import type { Deps } from '../../cloudfunctions/core/ports';
import { createTestDeps } from '../support/deps';

jest.setTimeout(60_000);

/**
 * The portal reaching `auth` over its CloudBase HTTP route: the deploy unit's `main` with an HTTP event,
 * its store the real @cloudbase/node-sdk against the tcb stand-in. The caller is the portal token's.
 */
const SECRET = 'portal-cloudbase-test-secret-'.padEnd(40, 'p');
const OA = 'wxdemooa00000001';

describe('Official Account portal on CloudBase (HTTP route)', () => {
  let standin: TcbStandin;
  let deps: Deps;
  let main: (event: unknown, context: unknown) => Promise<unknown>;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.TENCENTCLOUD = 'true';
    standin = await startTcbStandin();
    Object.assign(process.env, {
      TCB_ENV_ID: 'test-env',
      TCB_SERVICE_URL: `${standin.url}/admin`,
      TENCENTCLOUD_SECRETID: 'AKIDtest',
      TENCENTCLOUD_SECRETKEY: 'test',
      HULIAN_SECRET: SECRET,
    });
    await seedCloudbase(standin.url, { secret: SECRET, adminPassword: 'portal-admin-pw-1', appid: 'wxdemo0000000001' });
    const local = createTestDeps();
    local.store.close();
    deps = { ...local, store: standinStore(standin.url), clock: systemClock, crypto: nodeCrypto(SECRET) };
    main = (await import('../../cloudfunctions/functions/auth/index')).main as typeof main;
  });
  afterAll(async () => {
    process.env = saved;
    await standin.close();
  });

  const http = (body: unknown, token?: string) =>
    main({ httpMethod: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body), isBase64Encoded: false }, {}) as Promise<{
      statusCode: number;
      body: string;
    }>;

  test('given a portal session bound to a demo person, when the portal calls auth.me over HTTP, then the caller is that person; identity keys in the body change nothing', async () => {
    const [zhang] = await deps.store.find<{ _id: string; name: string }>('ic_users', { where: { name: '张伟' }, limit: 1 });
    await deps.store.insert('ic_bindings', { _id: `wx:${OA}:oPortalZhang01`, user_id: zhang!._id, type: 'wechat', appid: OA, created_at: new Date().toISOString() });
    const { token } = await openPortalSession(deps, { appid: OA, openid: 'oPortalZhang01' }, zhang!._id);
    const r = await http({ action: 'me', data: {}, openid: 'oDemoLiNa0000001', appid: 'wxdemo0000000001' }, token);
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { state: 'member', user: { id: zhang!._id, name: '张伟' } } });
  });

  test('given no token, a forged one or one whose session was logged out, then 401 auth/unauthenticated', async () => {
    expect(JSON.parse((await http({ action: 'me', data: {} })).body).error.code).toBe('auth/unauthenticated');
    expect((await http({ action: 'me', data: {} }, 'eyJ0eXAiOiJvYSJ9.forged')).statusCode).toBe(401);
    const { token } = await openPortalSession(deps, { appid: OA, openid: 'oPortalLogout1' }, undefined);
    expect((await http({ action: 'me', data: {} }, token)).statusCode).toBe(200);
    expect(JSON.parse((await http({ action: 'logout', data: {} }, token)).body)).toEqual({ ok: true, data: { ended: true } });
    expect((await http({ action: 'me', data: {} }, token)).statusCode).toBe(401);
  });

  test('given an Official Account code while no secret is configured for it, then auth/oa-code-invalid and nothing is asked of WeChat', async () => {
    const r = await http({ action: 'loginByOfficialAccount', data: { appid: OA, code: 'anyCode123' } });
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('auth/oa-code-invalid');
  });
});
