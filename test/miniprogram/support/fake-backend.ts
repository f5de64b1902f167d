import type { ArticleView, ErrorBody, SessionView } from '../../../src/services/contracts';

/**
 * A fetch-level stand-in for the local runtime, so page tests exercise the real chain:
 * page → hooks → client → h5 transport → HTTP. Each function/action answers from `routes`;
 * every request is recorded for assertions.
 */
export type Answer = { ok: true; data: unknown } | { ok: false; error: ErrorBody; status?: number };
export type Route = Answer | ((data: unknown) => Answer);

export interface RecordedCall {
  url: string;
  body: { action?: string; data?: unknown; locale?: string; openid?: string; appid?: string };
  authorization?: string;
}

export const ok = (data: unknown): Answer => ({ ok: true, data });
export const fail = (code: ErrorBody['code'], message: string, status = 403): Answer => ({
  ok: false,
  error: { code, message, requestId: 'req-test' },
  status,
});

export function installFakeBackend(routes: Record<string, Route>, devOpenid = 'o-fresh') {
  const calls: RecordedCall[] = [];
  const fetchMock = jest.fn(async (url: string, init: { body: string; headers: Record<string, string> }) => {
    const body = JSON.parse(init.body) as RecordedCall['body'];
    calls.push({ url, body, authorization: init.headers.Authorization });
    let status = 200;
    let payload: unknown;
    if (url === '/api/dev/wechat/session') {
      const openid = body.openid ?? devOpenid;
      payload = { token: `token-${openid}`, openid, appid: body.appid ?? 'wx-test' };
    } else {
      const fn = url.replace('/api/functions/', '');
      const route = routes[`${fn}.${body.action}`];
      const answer = typeof route === 'function' ? route(body.data) : (route ?? fail('input/invalid', `no route ${fn}.${body.action}`, 400));
      if (!answer.ok) status = answer.status ?? 400;
      payload = answer.ok ? answer : { ok: false, error: answer.error };
    }
    const text = JSON.stringify(payload);
    return { status, text: async () => text };
  });
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  return {
    calls,
    /** Calls to a function action, in order. */
    callsTo: (fnAction: string) =>
      calls.filter((c) => `${c.url.replace('/api/functions/', '')}.${c.body.action}` === fnAction),
  };
}

export const memberSession: SessionView = {
  state: 'member',
  user: {
    id: 'u-member-1',
    kind: 'member',
    status: 'active',
    name: '张三',
    enterpriseId: 'e-1',
    accountId: 'a-1',
    contactId: 'c-1',
    roleIds: ['r-member'],
    createdAt: '2026-11-01T00:00:00.000Z',
  },
  enterprise: { id: 'e-1', name: '星辰科技有限公司', accountId: 'a-1' },
  roles: [{ id: 'r-member', name: '成员' }],
  permissions: [{ object: 'article', action: 'read', scope: 'public' }],
  next: 'none',
};

export const guestSession: SessionView = {
  state: 'guest',
  user: { ...memberSession.user!, id: 'u-guest', kind: 'guest', name: '访客' },
  enterprise: { id: 'e-guest', name: '访客企业' },
  roles: [{ id: 'r-guest', name: '访客' }],
  permissions: [{ object: 'article', action: 'read', scope: 'public' }],
  next: 'none',
};

export const anonymousSession = (next: SessionView['next']): SessionView => ({
  state: 'anonymous',
  roles: [],
  permissions: [],
  next,
});

export const articles: ArticleView[] = [
  { id: 'art-1', title: '设备保养指南', summary: '定期保养延长寿命', body: '第一段\n第二段', public: true, publishedAt: '2026-11-20T08:00:00.000Z' },
  { id: 'art-2', title: '服务时间调整通知', summary: '', body: '正文', public: true, publishedAt: '2026-11-21T08:00:00.000Z' },
];
