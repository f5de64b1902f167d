import type { ActivatedUser, ActivateIn, ActivationResult } from '../contracts/admin';
import { MANUAL_METHOD_ID } from '../contracts/admin';
import type { Deps, StoreTx } from '../ports';
import { TX_LIMITS } from '../ports/store';
import type { AdminDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { adminActor, requireAdmin } from '../admin/permissions';
import { auditInTx } from '../audit/audit';
import { allRoles } from '../access/permissions';
import { GUEST_ROLE_ID } from '../access/builtin-roles';
import { retryOnConflict } from '../identity/retry';
import { licenceSummary, SEAT_BLOCKS, takeSeatsInTx } from '../licences/seats';
import { getSettings } from '../settings/settings';
import { tellActivated } from '../notifications/events';
import { activatedEnterpriseId, activatedUserId } from './ids';
import { MAX_USERS_PER_ACTIVATION, planActivation, type ActivationPlan } from './selection';

/** The roles every new user gets must exist; the Guest role belongs to the Guest record alone. */
async function checkRoles(deps: Deps, roleIds: string[]): Promise<string[]> {
  const known = new Set((await allRoles(deps)).map((r) => r._id));
  const unique = [...new Set(roleIds)];
  for (const id of unique) {
    if (id === GUEST_ROLE_ID) throw new AppError('input/invalid', { field: 'roleIds', reason: 'guest-role' });
    if (!known.has(id)) throw new AppError('roles/not-found', { roleId: id });
  }
  return unique;
}

/**
 * Manual activation: one Interconnection Enterprise per Account, one user (and one seat) per chosen
 * Contact. Preconditions: the Manual Activation switch is on, the admin may create enterprises and users,
 * every Account has at least one Contact.
 *
 * Each transaction takes its seats together with its enterprises, users and audit entries, so
 * concurrent requests can never share a seat. A cloud transaction holds at most TX_LIMITS.operations, so
 * a request for many Contacts is written in batches of ACTIVATION_BATCH, one transaction each. The seats
 * of the whole request are checked first: a request for three users with two free seats creates nothing
 * (`licence/exhausted`). Only seats taken by someone else between two batches can stop a request half
 * way; then `licence/exhausted` says how many were activated, and deterministic ids make a repeat — or a
 * concurrent duplicate — find the documents already there and finish the rest.
 */
export async function activateAccounts(deps: Deps, admin: AdminDoc, input: ActivateIn): Promise<ActivationResult> {
  requireAdmin(admin, 'enterprises.create', 'users.create');
  if (!(await getSettings(deps)).manual_activation) throw new AppError('activation/disabled');
  const roleIds = await checkRoles(deps, input.roleIds);
  const plan = await planActivation(deps, input.accounts);
  plan.accounts.forEach((p, i) => {
    if (!p.allContacts.length) throw new AppError('activation/no-contact', { accountId: p.account._id, accountName: p.account.name });
    if (!input.accounts[i].contactIds && p.truncated) throw new AppError('input/invalid', { field: `accounts[${i}].contactIds`, reason: 'choose-contacts' });
  });
  const requested = plan.accounts.reduce((n, p) => n + p.selected.length, 0);
  if (requested > MAX_USERS_PER_ACTIVATION) throw new AppError('input/invalid', { field: 'accounts', reason: 'too-many-contacts', max: MAX_USERS_PER_ACTIVATION });
  const batches = inBatches(plan, ACTIVATION_BATCH);
  if (batches.length > 1) {
    const needed = plan.accounts.reduce((n, p) => n + p.selected.filter((c) => !plan.usersByContact.has(c._id)).length, 0);
    const { total, used, free } = await licenceSummary(deps);
    if (needed > free) throw new AppError('licence/exhausted', { total, used, needed, free });
  }
  const results: ActivationResult[] = [];
  for (const batch of batches) {
    try {
      // More attempts than usual: activations read every seat block, so they contend.
      results.push(await retryOnConflict(() => deps.store.transaction((tx) => activateInTx(deps, tx, admin, batch, roleIds)), 10));
    } catch (e) {
      if (results.length && e instanceof AppError && e.code === 'licence/exhausted') throw new AppError('licence/exhausted', { ...e.params, activated: results.reduce((n, r) => n + r.activated.length, 0) });
      throw e;
    }
  }
  const result = merged(results);
  // after the transactions: the invitation SMS and in-app entry report what is already stored
  await tellActivated(deps, result);
  return result;
}

/**
 * Contacts per transaction: each may bring its Account's enterprise (read, insert, audit) and its own
 * user (read, insert, audit); the seat blocks take up to two operations each.
 */
export const ACTIVATION_BATCH = Math.floor((TX_LIMITS.operations - 2 * SEAT_BLOCKS) / 6);

/** The plan cut into plans of at most `size` Contacts, in order; an Account may span two. */
function inBatches(plan: ActivationPlan, size: number): ActivationPlan[] {
  const batches: ActivationPlan[] = [];
  let current: ActivationPlan['accounts'] = [];
  let count = 0;
  for (const p of plan.accounts) {
    for (let i = 0; i < p.selected.length || (i === 0 && !p.selected.length); ) {
      const take = Math.min(size - count, p.selected.length - i);
      current.push({ ...p, selected: p.selected.slice(i, i + take) });
      count += take;
      i += Math.max(take, 1);
      if (count >= size) {
        batches.push({ accounts: current, usersByContact: plan.usersByContact });
        current = [];
        count = 0;
      }
    }
  }
  if (current.length || !batches.length) batches.push({ accounts: current, usersByContact: plan.usersByContact });
  return batches;
}

function merged(results: ActivationResult[]): ActivationResult {
  const last = results[results.length - 1];
  return {
    activated: results.flatMap((r) => r.activated),
    unchanged: results.flatMap((r) => r.unchanged),
    enterprisesCreated: [...new Set(results.flatMap((r) => r.enterprisesCreated))],
    seatsTaken: results.reduce((n, r) => n + r.seatsTaken, 0),
    seats: last.seats,
  };
}

async function activateInTx(deps: Deps, tx: StoreTx, admin: AdminDoc, plan: ActivationPlan, roleIds: string[]): Promise<ActivationResult> {
  const now = isoNow(deps.clock);
  const newEnterprises: EnterpriseDoc[] = [];
  const newUsers: UserDoc[] = [];
  const unchanged: ActivatedUser[] = [];

  for (const { account, selected, enterprise: existing } of plan.accounts) {
    let enterprise = existing ?? (await tx.get<EnterpriseDoc>('ic_enterprises', activatedEnterpriseId(account._id)));
    if (!enterprise) {
      enterprise = { _id: activatedEnterpriseId(account._id), name: account.name, kind: 'account', account_id: account._id, created_at: now };
      newEnterprises.push(enterprise);
    }
    for (const contact of selected) {
      const user = plan.usersByContact.get(contact._id) ?? (await tx.get<UserDoc>('ic_users', activatedUserId(contact._id)));
      if (user) {
        unchanged.push({ userId: user._id, accountId: account._id, contactId: contact._id, status: user.status });
        continue;
      }
      newUsers.push({
        _id: activatedUserId(contact._id),
        kind: 'member',
        status: 'active',
        name: contact.name,
        enterprise_id: enterprise._id,
        enterprise_name: enterprise.name,
        account_id: account._id,
        account_name: account.name,
        contact_id: contact._id,
        contact_name: contact.name,
        role_ids: [...roleIds],
        method_id: MANUAL_METHOD_ID,
        holds_seat: true,
        activated_by: admin._id,
        created_at: now,
        updated_at: now,
      });
    }
  }

  // All seats first: if there are not enough, nothing below is written.
  const seats = await takeSeatsInTx(tx, newUsers.length);
  const actor = adminActor(admin);
  for (const e of newEnterprises) {
    await tx.insert('ic_enterprises', e);
    await auditInTx(deps, tx, { actor, action: 'enterprise.activated', target: e._id, details: { accountId: e.account_id } });
  }
  for (const u of newUsers) {
    await tx.insert('ic_users', u);
    await auditInTx(deps, tx, { actor, action: 'user.activated', target: u._id, details: { accountId: u.account_id, contactId: u.contact_id, roleIds: u.role_ids } });
  }
  return {
    activated: newUsers.map((u) => ({ userId: u._id, accountId: u.account_id ?? '', contactId: u.contact_id ?? '', status: u.status })),
    unchanged,
    enterprisesCreated: newEnterprises.map((e) => e._id),
    seatsTaken: newUsers.length,
    seats,
  };
}
