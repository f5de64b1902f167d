import { createHash } from 'node:crypto';
import type { Store, StoreTx } from '../../cloudfunctions/core/ports';
import type { SubmitRegistrationIn } from '../../cloudfunctions/core/contracts/registration';
import { COLLECTIONS } from '../../cloudfunctions/core/schema/collections';
import { login } from '../../cloudfunctions/core/identity/login';
import { submitRegistration } from '../../cloudfunctions/core/registration/submit';
import type { TestDeps } from '../support/deps';
import { addAccount, addContact, caller, consent, freshMobile, provePhone, registrationDeps } from './support';

class InjectedFault extends Error {}

/**
 * A fault injector around the real store: the `failAt`-th operation inside a transaction throws, as a
 * crash or a lost connection would at that point. It mocks none of our logic; it only breaks the store.
 */
function faultyStore(store: Store, failAt: number): Store & { ops: number } {
  const wrapped = Object.create(store) as Store & { ops: number };
  wrapped.ops = 0;
  wrapped.transaction = <T>(fn: (tx: StoreTx) => Promise<T>) =>
    store.transaction((tx) => {
      const step = async <R>(op: () => Promise<R>): Promise<R> => {
        wrapped.ops++;
        if (wrapped.ops === failAt) throw new InjectedFault(`injected at tx op ${failAt}`);
        return op();
      };
      return fn({
        get: (c, id) => step(() => tx.get(c, id)),
        insert: (c, d) => step(() => tx.insert(c, d)),
        set: (c, d) => step(() => tx.set(c, d)),
        update: (c, id, p) => step(() => tx.update(c, id, p)),
        remove: (c, id) => step(() => tx.remove(c, id)),
      } as StoreTx);
    });
  return wrapped;
}

/** Every row of every collection: equal digests mean nothing was written. */
function digest(deps: TestDeps): string {
  const h = createHash('sha256');
  for (const c of COLLECTIONS) for (const row of deps.store.db.prepare(`SELECT * FROM "${c.name}" ORDER BY 1`).all()) h.update(c.name + JSON.stringify(row));
  return h.digest('hex');
}

interface Case {
  name: string;
  setup(deps: TestDeps): Promise<{ who: ReturnType<typeof caller>; input: SubmitRegistrationIn }>;
}

const CASES: Case[] = [
  {
    name: 'a new Account with a USCC and a round-robin owner',
    async setup(deps) {
      const who = caller();
      const phone = freshMobile();
      await provePhone(deps, who, phone);
      return { who, input: { account: { name: '杭州云帆智能装备有限公司', credit_code: '91440300708461136T' }, contact: { name: '甲', mobile1: phone }, consent } };
    },
  },
  {
    name: 'a pending join of an existing Account',
    async setup(deps) {
      await addAccount(deps, '杭州星辰科技有限公司');
      const who = caller();
      const phone = freshMobile();
      await provePhone(deps, who, phone);
      return { who, input: { account: { name: '星辰科技（杭州）有限公司' }, contact: { name: '乙', mobile1: phone }, consent } };
    },
  },
  {
    name: 'a silent user proving membership through a Contact',
    async setup(deps) {
      const accountId = await addAccount(deps, '苏州恒泰精密机械股份有限公司');
      const phone = freshMobile();
      await addContact(deps, accountId, '丙', phone);
      const who = caller();
      await deps.store.update('methods', 'mth_test', { set: { mode: 'openid-auto' } });
      deps.cache.invalidate();
      await login(deps, who);
      await provePhone(deps, who, phone);
      return { who, input: { account: { name: '苏州恒泰精密机械股份有限公司' }, contact: { name: '丙', mobile1: phone }, consent } };
    },
  },
];

describe('a registration is all or nothing', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('given %s, when the store fails at any step of the transaction, then nothing is left behind; without a fault it lands', async (_name, c) => {
    const method = { account: { owner_assignment: 'round-robin', owners: ['a', 'b', 'c'] } };
    // How many store operations the registration's transactions make, counted on a clean run.
    const probe = await registrationDeps(method);
    const probeCase = await c.setup(probe);
    const counting = faultyStore(probe.store, Number.POSITIVE_INFINITY);
    await submitRegistration({ ...probe, store: counting }, probeCase.who, probeCase.input);
    const steps = counting.ops;
    expect(steps).toBeGreaterThan(10);

    for (let failAt = 1; failAt <= steps; failAt++) {
      const deps = await registrationDeps(method);
      const { who, input } = await c.setup(deps);
      const before = digest(deps);
      const faulty = faultyStore(deps.store, failAt);
      await expect(submitRegistration({ ...deps, store: faulty }, who, input)).rejects.toBeInstanceOf(InjectedFault);
      expect({ failAt, digest: digest(deps) }).toEqual({ failAt, digest: before });
      // the same registration, once the store works again, lands whole
      const out = await submitRegistration(deps, who, input);
      expect(out.user.id).toMatch(/^usr_/);
    }
  });
});
