/**
 * The caller's identity on CloudBase, read through @cloudbase/node-sdk from what the runtime provides:
 * the invocation context CloudBase passes to `main` (`environ` "K=V;…" or `environment` JSON), and, when
 * there is none, the process environment the SDK reads (WX_CONTEXT_KEYS naming WX_OPENID, WX_APPID, …).
 */
import tcb from '@cloudbase/node-sdk';
import { callerFromContext, clientIpFromContext } from '../../cloudfunctions/adapters/cloudbase/identity';

const saved = { ...process.env };
const app = () => tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test' });

/** An SCF invocation context as the Node runtime hands it to `main`. */
const scfContext = (vars: Record<string, string>, shape: 'environ' | 'environment' = 'environ') => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: 10_000,
  request_id: 'req-1',
  function_version: '$LATEST',
  function_name: 'auth',
  namespace: 'test-env',
  ...(shape === 'environ' ? { environ: Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(';') } : { environment: JSON.stringify(vars) }),
});

const WX = { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP', WX_OPENID: 'oUser0001', WX_APPID: 'wxapp00000000001', WX_UNIONID: 'uUnion0001', WX_CLIENTIP: '10.0.0.8' };

beforeAll(() => {
  process.env.TENCENTCLOUD = 'true';
});
afterEach(() => {
  process.env = { ...saved, TENCENTCLOUD: 'true' };
});

describe('caller identity from the CloudBase context', () => {
  it('given the WX_ variables in the process environment and no context, then openid, appid and unionid come from there', () => {
    Object.assign(process.env, WX);
    expect(callerFromContext(app())).toEqual({ openid: 'oUser0001', appid: 'wxapp00000000001', unionid: 'uUnion0001' });
  });

  it('given WX_OPENID without WX_CONTEXT_KEYS naming it, then the SDK does not treat it as context and there is no caller', () => {
    process.env.WX_OPENID = 'oUser0001';
    process.env.WX_APPID = 'wxapp00000000001';
    expect(callerFromContext(app())).toBeNull();
  });

  it.each(['environ', 'environment'] as const)('given an invocation context (%s), then the identity comes from it', (shape) => {
    expect(callerFromContext(app(), scfContext(WX, shape))).toEqual({ openid: 'oUser0001', appid: 'wxapp00000000001', unionid: 'uUnion0001' });
  });

  it('given no unionid, then the caller has none', () => {
    const { WX_UNIONID: _u, ...rest } = WX;
    expect(callerFromContext(app(), scfContext(rest))).toEqual({ openid: 'oUser0001', appid: 'wxapp00000000001' });
  });

  it("given a warm instance whose process.env still holds the previous caller, when an invocation's context has no WeChat user, then there is no caller", () => {
    // SCF's bootstrap copies each invocation's environ into process.env and never deletes a key
    Object.assign(process.env, WX);
    expect(callerFromContext(app(), scfContext({ TCB_SOURCE_IP: '10.0.0.9' }))).toBeNull();
  });

  it('given an HTTP-triggered call (no user anywhere), then there is no caller', () => {
    expect(callerFromContext(app(), scfContext({}))).toBeNull();
    expect(callerFromContext(app())).toBeNull();
  });

  it('given an openid without an appid, then there is no caller', () => {
    expect(callerFromContext(app(), scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'oUser0001' }))).toBeNull();
  });

  it('given an unreadable context, then there is no caller rather than a guess from process.env', () => {
    Object.assign(process.env, WX);
    expect(callerFromContext(app(), { environment: '{not json', request_id: 'x' })).toBeNull();
  });
});

describe('client IP from the CloudBase context', () => {
  it('given an invocation context, then the IP comes from it', () => {
    expect(clientIpFromContext(scfContext(WX))).toBe('10.0.0.8');
  });

  it("given a previous caller's IP left in process.env, then a context without one gives none", () => {
    Object.assign(process.env, WX);
    const { WX_CLIENTIP: _ip, ...rest } = WX;
    expect(clientIpFromContext(scfContext(rest))).toBeUndefined();
  });

  it('given no context at all, then there is no IP and nothing throws', () => {
    Object.assign(process.env, WX);
    expect(clientIpFromContext(undefined)).toBeUndefined();
    expect(clientIpFromContext({})).toBeUndefined();
  });
});
