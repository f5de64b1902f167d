import fc from 'fast-check';
import { ERROR_CODES } from '../../cloudfunctions/core/contracts';
import { FUNCTIONS } from '../../cloudfunctions/functions/registry';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { hostile, nearValid } from './arbitraries';

/**
 * Every action of every function, fed generated inputs over real HTTP: the answer is always the envelope
 * with a known code (never `internal`, never a 500), and a rejected call leaves the database unchanged.
 * `FUZZ_RUNS` sets the runs per action (bounded here; `npm run fuzz` runs thousands).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 12);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

/** Rejections that are counted by design (a wrong password, a wrong code, a spent budget). */
const COUNTED_REJECTIONS = new Set(['admin/invalid-credentials', 'admin/locked', 'sms/code-invalid', 'sms/too-many-attempts', 'sms/rate-limited', 'auth/not-activated']);

describe('fuzzing every action', () => {
  let t: TestRuntime;
  let tokens: { member: string; guest: string; admin: string };
  beforeAll(async () => {
    t = await startTestRuntime();
    const member = await t.wechat();
    await t.call('auth', { action: 'login', data: {} }, { token: member.token });
    const guest = await t.wechat({ appid: 'wxdemo0000000002' });
    tokens = { member: member.token, guest: guest.token, admin: await t.adminToken() };
  });
  afterAll(() => t.stop());

  const cases = Object.values(FUNCTIONS).flatMap((fn) => Object.keys(fn.actions).map((action) => ({ fn, action })));

  test.each(cases.map((c) => [`${c.fn.name}.${c.action}`, c] as const))('%s answers every generated input with a clean envelope', async (_name, { fn, action }) => {
    const schema = fn.actions[action].input;
    const tokenFor = fc.constantFrom<string | undefined>(...(fn.audience === 'admin' ? [tokens.admin, tokens.admin, undefined] : [tokens.member, tokens.guest, undefined, 'forged.token']));
    await fc.assert(
      fc.asyncProperty(nearValid(schema), tokenFor, async (data, token) => {
        const before = t.digest();
        const r = await t.call(fn.name, JSON.stringify({ action, data }), { token });
        expect(r.status).toBeLessThan(500);
        expect(typeof r.body.ok).toBe('boolean');
        if (!r.body.ok) {
          expect(ERROR_CODES).toContain(r.body.error.code);
          expect(typeof r.body.error.message).toBe('string');
          if (!COUNTED_REJECTIONS.has(r.body.error.code)) expect(t.digest()).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  test('garbage bodies get input/* codes and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(FUNCTIONS)), hostile(), async (name, body) => {
        const before = t.digest();
        const r = await t.call(name, JSON.stringify(body) ?? 'undefined', { token: tokens.member });
        expect(r.status).toBeLessThan(500);
        expect(r.body.ok).toBe(false);
        expect(r.body.error.code).toMatch(/^(input|auth)\//);
        expect(t.digest()).toBe(before);
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });
});
