import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { NAME_BUDGET, PAIR_BUDGET } from '../../cloudfunctions/core/admin/admin-auth';
import { adminLoginFrom, median } from './from-address';
import { q } from '../../cloudfunctions/core/ports';

/**
 * Attacks on the console's sign-in, over HTTP against the local runtime. Each loopback address is
 * another client to the runtime (it takes the client IP from the socket).
 */
describe('admin login under attack', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  const codes = (answers: Array<{ body: any }>) => answers.map((a) => a.body.error?.code ?? 'ok');
  const count = (list: string[], code: string) => list.filter((c) => c === code).length;

  test('given 150 parallel wrong passwords from one address, when they land, then at most the threshold are evaluated (invalid-credentials, 401) and the rest are admin/locked (429)', async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => adminLoginFrom(t.url, '127.0.0.2', 'admin', `wrong-password-${i}`)));
    const list = codes(answers);
    expect(count(list, 'admin/invalid-credentials')).toBeGreaterThan(0);
    expect(count(list, 'admin/invalid-credentials')).toBeLessThanOrEqual(PAIR_BUDGET.max);
    expect(count(list, 'admin/locked')).toBe(150 - count(list, 'admin/invalid-credentials'));
    for (const a of answers) expect(a.status).toBe(a.body.error.code === 'admin/locked' ? 429 : 401);

    // when the attacker then tries the right password from there, then it is locked too
    const right = await adminLoginFrom(t.url, '127.0.0.2', 'admin', t.adminPassword);
    expect(right.body.error.code).toBe('admin/locked');
  });

  test('given guesses under spellings of one name (case, surrounding spaces), then they share one budget', async () => {
    const spellings = ['admin', 'ADMIN', 'Admin', ' admin', 'admin ', 'aDmIn'];
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => adminLoginFrom(t.url, '127.0.0.8', spellings[i % spellings.length]!, `guess-${i}`)));
    expect(codes(answers).filter((c) => c === 'admin/invalid-credentials').length).toBeLessThanOrEqual(PAIR_BUDGET.max);
  });

  test('given an address locked out, when the owner signs in from another address, then they get in, and a typo there is still only a wrong password', async () => {
    await Promise.all(Array.from({ length: 20 }, () => adminLoginFrom(t.url, '127.0.0.4', 'admin', 'guess')));
    expect((await adminLoginFrom(t.url, '127.0.0.4', 'admin', t.adminPassword)).body.error.code).toBe('admin/locked');

    const typo = await adminLoginFrom(t.url, '127.0.0.5', 'admin', 'typo');
    expect([typo.status, typo.body.error.code]).toEqual([401, 'admin/invalid-credentials']);
    const owner = await adminLoginFrom(t.url, '127.0.0.5', 'admin', t.adminPassword);
    expect(owner.status).toBe(200);
    expect(owner.body.data.token).toEqual(expect.any(String));
  });

  test('given an unknown user name, when 150 parallel guesses land, then it answers exactly as for a real name: 401 invalid-credentials up to the threshold, then admin/locked', async () => {
    const unknown = await Promise.all(Array.from({ length: 150 }, () => adminLoginFrom(t.url, '127.0.0.6', 'no-such-admin', 'whatever')));
    const list = codes(unknown);
    expect(count(list, 'admin/invalid-credentials')).toBeLessThanOrEqual(PAIR_BUDGET.max);
    expect(count(list, 'admin/invalid-credentials')).toBeGreaterThan(0);
    expect(count(list, 'admin/locked')).toBe(150 - count(list, 'admin/invalid-credentials'));

    const real = await adminLoginFrom(t.url, '127.0.0.7', 'admin', 'wrong');
    const fake = await adminLoginFrom(t.url, '127.0.0.7', 'nobody-at-all', 'wrong');
    expect(fake.status).toBe(real.status);
    expect(fake.body).toEqual(real.body);
  });

  test('given wrong passwords for a real and for an unknown name, when timed, then the medians are comparable (within 3x): both run scrypt', async () => {
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      // a fresh address per sample keeps every sample inside the budgets
      const address = `127.0.1.${10 + i}`;
      let started = performance.now();
      await adminLoginFrom(t.url, address, 'admin', `timing-${i}`);
      real.push(performance.now() - started);
      started = performance.now();
      await adminLoginFrom(t.url, address, `ghost-${i}`, `timing-${i}`);
      unknown.push(performance.now() - started);
    }
    const [r, u] = [median(real), median(unknown)];
    expect(u).toBeLessThan(r * 3);
    expect(r).toBeLessThan(u * 3);
  });

  test('given guesses spread over many addresses, when they pass the per-name ceiling, then the name is locked everywhere, and `npm run admin:unlock` lets the owner back in', async () => {
    const name = 'spread-target';
    await t.rt.deps.store.set('admins', {
      _id: `adm_${name}`,
      username: name,
      display_name: name,
      password_hash: await t.rt.deps.crypto.hashPassword('spread-target-password'),
      permissions: ['dashboard.read'],
      failed_attempts: 0,
      locked_until: 0,
    });
    const addresses = Math.ceil(NAME_BUDGET.max / PAIR_BUDGET.max) + 1;
    for (let a = 0; a < addresses; a++) {
      await Promise.all(Array.from({ length: PAIR_BUDGET.max }, () => adminLoginFrom(t.url, `127.0.2.${a + 1}`, name, 'spread-guess')));
    }
    const owner = await adminLoginFrom(t.url, '127.0.3.1', name, 'spread-target-password');
    expect([owner.status, owner.body.error?.code]).toEqual([429, 'admin/locked']);
    // the other admin's name is not touched by it
    expect((await adminLoginFrom(t.url, '127.0.3.1', 'admin', t.adminPassword)).status).toBe(200);

    const run = promisify(execFile);
    const out = await run(join(__dirname, '../../node_modules/.bin/tsx'), ['scripts/admin-unlock.ts', name], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, DATA_DIR: t.dataDir, HULIAN_SECRET: 'test-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: t.adminPassword },
    });
    expect(out.stdout).toMatch(/budget\(s\) cleared/);
    const back = await adminLoginFrom(t.url, '127.0.3.1', name, 'spread-target-password');
    expect(back.status).toBe(200);
  });

  test('given budgets left by guesses at made-up names a day ago, when later attempts are evaluated, then they are swept a few at a time (the collection cannot grow without bound)', async () => {
    const dayBefore = Date.now() - 2 * 24 * 3600_000;
    for (let i = 0; i < 6; i++) await t.rt.deps.store.insert('admin_login_attempts', { _id: `pair_stale${i}`, subject: `stale${i}`, attempts: 3, window_until: dayBefore, locked_until: 0 });
    // budgets cleared by the unlock above count as stale too
    const stale = () => t.rt.deps.store.count('admin_login_attempts', { window_until: q.lt(Date.now() - 24 * 3600_000) });
    let left = await stale();
    expect(left).toBeGreaterThanOrEqual(6);
    for (let i = 1; left > 0; i++) {
      const r = await adminLoginFrom(t.url, `127.0.4.${i}`, 'made-up-name', 'x');
      expect(r.body.error?.code).toBe('admin/invalid-credentials');
      const now = await stale();
      expect(now).toBe(Math.max(0, left - 4));
      left = now;
    }
  });
});
