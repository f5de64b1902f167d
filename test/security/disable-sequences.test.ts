import fc from 'fast-check';
import { APP, buildSeqWorld, newCaller, OTHER_APP, PHONE, type SeqWorld } from './support/world';

/**
 * Issue 12 item 4 — a disable sticks to the person: their Contact's mobile and every WeChat identity they
 * ever bound. Generated sequences of a person's and an admin's moves, checked against a model written
 * here: once any user this identity was ever bound to is disabled, every way back in — login, me, SMS
 * login, unbinding first, a fresh auto user — answers `auth/disabled` until an admin enables them.
 */
const SEED = Number(process.env['HULIAN_SEQ_SEED'] ?? 20261204);
const RUNS = Number(process.env['HULIAN_SEQ_RUNS'] ?? 25);

type Step = 'login' | 'unbind' | 'smsLogin' | 'me' | 'disableCurrent' | 'disablePerson' | 'enableAll';
const step = fc.constantFrom<Step>('login', 'login', 'unbind', 'smsLogin', 'smsLogin', 'me', 'disableCurrent', 'disablePerson', 'enableAll');

async function play(w: SeqWorld, steps: Step[]): Promise<string[]> {
  const caller = newCaller();
  const ever = new Set<string>(); // users this identity was ever bound to
  const disabled = new Set<string>();
  let current: string | null = null;
  const blocked = () => [...ever].some((u) => disabled.has(u));
  const problems: string[] = [];
  for (const [i, s] of steps.entries()) {
    const at = `step ${i + 1} (${s}) of [${steps.join(', ')}]`;
    const expectDisabled = (r: { ok: boolean; code?: string }, what: string) => {
      if (r.ok || r.code !== 'auth/disabled') problems.push(`${at}: ${what} answered ${r.code ?? 'ok'} for a disabled person`);
    };
    if (s === 'login' || s === 'me') {
      const r = await w.call('auth', s, {}, caller);
      if (blocked()) expectDisabled(r, s);
      else if (!r.ok) problems.push(`${at}: ${s} refused ${r.code}`);
      else if (s === 'login' && r.data.user) {
        current = r.data.user.id;
        ever.add(current!);
      }
    } else if (s === 'unbind') {
      const r = await w.call('auth', 'unbindWechat', {}, caller);
      if (blocked()) expectDisabled(r, 'unbind');
      else if (r.ok) current = null;
    } else if (s === 'smsLogin') {
      const r = await w.smsLogin(caller);
      // the person's mobile carries the verdict too (their Contact's mobile1 is PHONE)
      if (blocked() || disabled.has(w.personId)) expectDisabled(r, 'SMS login');
      else if (!r.ok) problems.push(`${at}: SMS login refused ${r.code}`);
      else {
        current = w.personId;
        ever.add(w.personId);
      }
    } else if (s === 'disableCurrent' || s === 'disablePerson') {
      const target = s === 'disablePerson' ? w.personId : current;
      if (!target) continue;
      const r = await w.admin('users.disable', { userId: target });
      if (!r.ok) problems.push(`${at}: disable refused ${r.code}`);
      disabled.add(target);
    } else {
      for (const userId of disabled) {
        const r = await w.admin('users.enable', { userId });
        if (!r.ok) problems.push(`${at}: enable refused ${r.code}`);
      }
      disabled.clear();
    }
    if (problems.length) break;
  }
  return problems;
}

describe('a disable sticks to the person (sequences)', () => {
  test('given any sequence of logins, unbinds, SMS logins, disables and enables, then a disabled person never gets a session back until enabled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 12 }), async (steps) => {
        const w = await buildSeqWorld();
        expect(await play(w, steps)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  test('given a disabled member, when they unbind through the admin and come back under openid-auto, then auth/disabled — no fresh auto user, no seat', async () => {
    const w = await buildSeqWorld();
    const caller = newCaller();
    expect((await w.smsLogin(caller)).ok).toBe(true);
    expect((await w.admin('users.disable', { userId: w.personId })).ok).toBe(true);
    expect((await w.admin('users.unbindWechat', { userId: w.personId })).ok).toBe(true);
    const used = await w.seatsUsed();
    const users = (await w.users()).length;
    expect((await w.call('auth', 'login', {}, caller)).code).toBe('auth/disabled');
    expect(await w.seatsUsed()).toBe(used);
    expect((await w.users()).length).toBe(users);
  });

  test('given a disabled person, when they come back through another app of the same open platform (their UnionID), then auth/disabled', async () => {
    const w = await buildSeqWorld();
    await w.deps.store.insert('methods', { _id: 'mth_seq_other', name: '一键开通 2', app_id: OTHER_APP, enabled: true, mode: 'openid-auto', role_ids: ['terminal-user'], created_at: new Date(w.deps.clock.now()).toISOString() });
    w.deps.cache.invalidate();
    const unionid = `uDis${Date.now()}`;
    const mini = newCaller(APP, unionid);
    const first = await w.call('auth', 'login', {}, mini);
    expect((await w.admin('users.disable', { userId: first.data.user.id })).ok).toBe(true);
    const oa = newCaller(OTHER_APP, unionid);
    expect((await w.call('auth', 'login', {}, oa)).code).toBe('auth/disabled');
    expect((await w.call('auth', 'me', {}, oa)).code).toBe('auth/disabled');
  });

  test('given a disabled person, when someone tries to register again with their Contact mobile, then auth/disabled once the mobile is proven', async () => {
    const w = await buildSeqWorld();
    expect((await w.admin('users.disable', { userId: w.personId })).ok).toBe(true);
    const stranger = newCaller();
    // the mobile is theirs: any SMS login proving it gets the verdict
    expect((await w.smsLogin(stranger, PHONE)).code).toBe('auth/disabled');
  });

  test('given a person who went back and forth between their auto user and the activated one, when the activated one is disabled, then the identity is refused whichever user it holds now', async () => {
    const w = await buildSeqWorld();
    const caller = newCaller();
    await w.call('auth', 'login', {}, caller); // auto user
    expect((await w.smsLogin(caller)).ok).toBe(true); // → the person (auto folded in)
    await w.call('auth', 'unbindWechat', {}, caller);
    await w.call('auth', 'login', {}, caller); // the auto user again
    await w.call('auth', 'unbindWechat', {}, caller);
    expect((await w.call('auth', 'login', {}, caller)).ok).toBe(true); // and again
    expect((await w.admin('users.disable', { userId: w.personId })).ok).toBe(true);
    expect((await w.call('auth', 'login', {}, caller)).code).toBe('auth/disabled');
    expect((await w.call('records', 'list', { object: 'article' }, caller)).code).toBe('auth/disabled');
    expect((await w.admin('users.enable', { userId: w.personId })).ok).toBe(true);
    expect((await w.call('auth', 'login', {}, caller)).ok).toBe(true);
  });
});
