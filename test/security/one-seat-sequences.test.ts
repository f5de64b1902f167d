import fc from 'fast-check';
import { APP, buildSeqWorld, newCaller, OTHER_APP, type SeqWorld } from './support/world';

/**
 * Issue 12 item 3 — one WeChat identity, at most one seat, whatever sequence it plays. The attack that
 * got through: under `openid-auto`, login → unbind → login minted a fresh seat-holding user each time,
 * so one person could burn every seat. Sequences are generated (fast-check, seeded and replayable with
 * HULIAN_SEQ_SEED) and checked step by step against a model written here, not against the server's code:
 * - seats used always equal the users holding one (nothing counted twice or lost);
 * - the identity never holds more than one seat beyond the activated person's own;
 * - after a successful SMS login the identity is that person, with their Account;
 * - after an unbind it is nobody until it logs in again (and then its one auto user comes back).
 */
const SEED = Number(process.env['HULIAN_SEQ_SEED'] ?? 20261204);
const RUNS = Number(process.env['HULIAN_SEQ_RUNS'] ?? 25);

type Step = 'login' | 'unbind' | 'smsLogin' | 'me';
const step = fc.constantFrom<Step>('login', 'login', 'unbind', 'unbind', 'smsLogin', 'me');

/** What the model says the identity is now. */
type Bound = 'nobody' | 'auto' | 'person';

async function play(w: SeqWorld, steps: Step[], appid = APP): Promise<string[]> {
  const caller = newCaller(appid);
  const baseline = await w.seatsUsed(); // the activated person's seat
  let bound: Bound = 'nobody';
  const problems: string[] = [];
  for (const [i, s] of steps.entries()) {
    const at = `step ${i + 1} (${s}) of [${steps.join(', ')}]`;
    if (s === 'login') {
      const r = await w.call('auth', 'login', {}, caller);
      if (!r.ok) problems.push(`${at}: login refused ${r.code}`);
      else if (bound === 'nobody') bound = appid === APP ? 'auto' : 'nobody';
    } else if (s === 'unbind') {
      const r = await w.call('auth', 'unbindWechat', {}, caller);
      // only someone with a user of their own may unbind (the access table); nobody is told to register
      if (bound === 'nobody' ? r.ok || r.code !== 'registration/required' : !r.ok) problems.push(`${at}: unbind answered ${r.code ?? 'ok'}`);
      if (r.ok) bound = 'nobody';
    } else if (s === 'smsLogin') {
      const r = await w.smsLogin(caller);
      if (!r.ok) problems.push(`${at}: SMS login refused ${r.code}`);
      else {
        bound = 'person';
        if (r.data.user.id !== w.personId || !r.data.account) problems.push(`${at}: SMS login gave ${JSON.stringify(r.data.user)}`);
      }
    } else {
      const r = await w.call('auth', 'me', {}, caller);
      const state = r.ok ? r.data.state : r.code;
      const want = bound === 'nobody' ? 'anonymous' : 'member';
      if (state !== want) problems.push(`${at}: me is ${state}, the model says ${want}`);
      if (bound === 'person' && r.data?.user?.id !== w.personId) problems.push(`${at}: me is not the person`);
      if (bound === 'auto' && r.data?.account) problems.push(`${at}: the auto user has an Account`);
    }
    const [used, holders] = [await w.seatsUsed(), await w.seatHolders()];
    if (used !== holders) problems.push(`${at}: ${used} seats used but ${holders} users hold one`);
    if (used > baseline + 1) problems.push(`${at}: the identity holds ${used - baseline} seats (the person's aside)`);
    if (problems.length) break;
  }
  return problems;
}

describe('one WeChat identity, at most one seat (sequences)', () => {
  test('given any sequence of login, unbind, SMS login and me on an openid-auto app, then the model holds at every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const w = await buildSeqWorld();
        expect(await play(w, steps)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  test('given the attack that burnt every seat — login → unbind 60 times — then one seat is taken, once, and the same user comes back', async () => {
    const w = await buildSeqWorld();
    const caller = newCaller();
    const before = await w.seatsUsed();
    const ids = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = await w.call('auth', 'login', {}, caller);
      expect(r.ok).toBe(true);
      ids.add(r.data.user.id);
      expect((await w.call('auth', 'unbindWechat', {}, caller)).ok).toBe(true);
    }
    expect(ids.size).toBe(1);
    expect(await w.seatsUsed()).toBe(before + 1);
    expect((await w.users()).filter((u) => u.method_id === 'mth_seq_auto')).toHaveLength(1);
  });

  test('given an identity with an auto user, when it logs in by SMS as the activated person, then the auto user is folded in and its seat freed', async () => {
    const w = await buildSeqWorld();
    const caller = newCaller();
    const before = await w.seatsUsed();
    const auto = await w.call('auth', 'login', {}, caller);
    expect(await w.seatsUsed()).toBe(before + 1);
    const r = await w.smsLogin(caller);
    expect(r.ok).toBe(true);
    expect(r.data.user.id).toBe(w.personId);
    expect(await w.seatsUsed()).toBe(before);
    expect(await w.deps.store.get('ic_users', auto.data.user.id)).toMatchObject({ holds_seat: false, merged_into: w.personId });
  });

  test('given 30 concurrent first logins of one identity racing unbinds, then one auto user and one seat', async () => {
    const w = await buildSeqWorld();
    const caller = newCaller();
    const before = await w.seatsUsed();
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? w.call('auth', 'unbindWechat', {}, caller) : w.call('auth', 'login', {}, caller))));
    await w.call('auth', 'login', {}, caller);
    expect(await w.seatsUsed()).toBe(before + 1);
    expect(await w.seatHolders()).toBe(before + 1);
    expect((await w.users()).filter((u) => u.method_id === 'mth_seq_auto')).toHaveLength(1);
  });

  test('given one person in the mini program and another app of the same open platform (one UnionID), when both first logins race, then one user with a binding per app and one seat', async () => {
    const w = await buildSeqWorld();
    // the other app also registers people from their OpenID alone
    await w.deps.store.insert('methods', { _id: 'mth_seq_auto2', name: '一键开通 2', app_id: OTHER_APP, enabled: true, mode: 'openid-auto', role_ids: ['terminal-user'], created_at: new Date(w.deps.clock.now()).toISOString() });
    w.deps.cache.invalidate();
    const before = await w.seatsUsed();
    const unionid = `uSeq${Date.now()}`;
    const [a, b] = [newCaller(APP, unionid), newCaller(OTHER_APP, unionid)];
    const answers = await Promise.all([w.call('auth', 'login', {}, a), w.call('auth', 'login', {}, b), w.call('auth', 'login', {}, a), w.call('auth', 'login', {}, b)]);
    expect(answers.every((r) => r.ok)).toBe(true);
    expect(new Set(answers.map((r) => r.data.user.id)).size).toBe(1);
    expect(await w.seatsUsed()).toBe(before + 1);
    const userId = answers[0].data.user.id;
    const bindings = await w.deps.store.find('ic_bindings', { where: { user_id: userId }, limit: 10 });
    expect(bindings.map((x) => x._id).sort()).toEqual([`union:${unionid}`, `wx:${APP}:${a.openid}`, `wx:${OTHER_APP}:${b.openid}`].sort());
  });
});
