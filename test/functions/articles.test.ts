import { startTestRuntime, type TestRuntime } from '../support/runtime';

describe('records.list / records.get for articles', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  const list = (token: string, data: Record<string, unknown> = {}) => t.call('records', { action: 'list', data: { object: 'article', ...data } }, { token });

  test('given a member of an Account, when listing articles, then public and members-only articles come newest first', async () => {
    const { token } = await t.wechat({ openid: 'oDemoLiNa0000001' });
    await t.call('auth', { action: 'login', data: {} }, { token });
    const r = await list(token);
    expect(r.body.ok).toBe(true);
    const ids = r.body.data.items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(['art_0005_firmware', 'art_0004_price', 'art_0003_hotline', 'art_0002_maintenance', 'art_0001_welcome']);
  });

  test('given a guest, when listing articles, then only public ones, and a members-only article is not found', async () => {
    const { token } = await t.wechat({ appid: 'wxdemo0000000009' });
    await t.call('auth', { action: 'loginAsGuest', data: {} }, { token });
    const r = await list(token);
    expect(r.body.data.items.every((a: { public: boolean }) => a.public)).toBe(true);
    expect(r.body.data.items).toHaveLength(3);
    const hidden = await t.call('records', { action: 'get', data: { object: 'article', id: 'art_0004_price' } }, { token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('records/not-found');
    const open = await t.call('records', { action: 'get', data: { object: 'article', id: 'art_0001_welcome' } }, { token });
    expect(open.body.data.title).toBe('欢迎使用服务门户');
  });

  test('given an openid-auto user who has not registered an Account, when listing articles, then only public ones: members-only content needs an Account', async () => {
    const { token } = await t.wechat();
    const login = await t.call('auth', { action: 'login', data: {} }, { token });
    expect(login.body.data.state).toBe('member');
    expect(login.body.data.account).toBeUndefined();
    const r = await list(token);
    expect(r.body.data.items.map((a: { id: string }) => a.id)).toEqual(['art_0003_hotline', 'art_0002_maintenance', 'art_0001_welcome']);
    const hidden = await t.call('records', { action: 'get', data: { object: 'article', id: 'art_0004_price' } }, { token });
    expect(hidden.body.error.code).toBe('records/not-found');
  });

  test('given a page size, when following the cursor, then every article comes exactly once', async () => {
    const { token } = await t.wechat({ openid: 'oDemoZhangWei001' });
    await t.call('auth', { action: 'login', data: {} }, { token });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await list(token, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...r.body.data.items.map((a: { id: string }) => a.id));
      cursor = r.body.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  test('given a forged cursor, then input/invalid', async () => {
    const { token } = await t.wechat();
    const r = await list(token, { cursor: 'not-a-cursor' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('input/invalid');
  });
});
