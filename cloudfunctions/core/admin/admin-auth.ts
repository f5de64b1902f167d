import type { AdminView } from '../contracts/domain';
import type { Deps } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { audit } from '../audit/audit';
import { loginFailed, loginKeys, loginSucceeded, sweepStaleBudgets, takeLoginAttempt } from './login-guard';
import { authenticateSession, endAllSessions, openSession, type IssuedSession } from './admin-sessions';

export { ADMIN_TOKEN_TTL_SECONDS } from './admin-sessions';
export { PAIR_BUDGET, NAME_BUDGET } from './login-guard';

export const adminIdFor = (username: string) => `adm_${username.toLowerCase()}`;

export function adminView(a: AdminDoc): AdminView {
  return { id: a._id, username: a.username, displayName: a.display_name, permissions: a.permissions };
}

/**
 * Console sign-in. The attempt is taken from the login budgets before anything is checked, then the
 * password is verified with scrypt — against a dummy hash when the name is unknown, so an unknown name
 * costs the same time and gets the same answer as a wrong password.
 */
export async function adminLogin(deps: Deps, username: string, password: string, ip: string | undefined): Promise<IssuedSession & { admin: AdminView }> {
  const keys = loginKeys(deps, username, ip);
  await takeLoginAttempt(deps, keys);
  const admin = await deps.store.get<AdminDoc>('admins', adminIdFor(username));
  const ok = await deps.crypto.verifyPassword(password, admin?.password_hash ?? DUMMY_HASH);
  await sweepStaleBudgets(deps);
  if (!admin || !ok) {
    const lockedNow = await loginFailed(deps, keys);
    if (lockedNow && admin) await audit(deps, { actor: 'system', action: 'admin.locked', target: admin._id, details: { ip: ip ?? 'unknown' } });
    throw new AppError('admin/invalid-credentials');
  }
  await loginSucceeded(deps, keys);
  // only someone who knows the password learns that the account is disabled
  if (admin.disabled) throw new AppError('auth/disabled');
  const issued = await openSession(deps, admin);
  await deps.store.update('admins', admin._id, { set: { last_login_at: new Date(deps.clock.now()).toISOString() } });
  await audit(deps, { actor: `admin:${admin._id}`, action: 'admin.login', target: admin._id });
  return { ...issued, admin: adminView(admin) };
}

/** The admin behind a bearer token (a live session), or `auth/unauthenticated`. */
export async function authenticateAdmin(deps: Deps, bearer: string | undefined): Promise<AdminDoc> {
  return (await authenticateSession(deps, bearer)).admin;
}

export const MIN_ADMIN_PASSWORD = 12;

/**
 * An admin changes their own password: the current one is checked (and counted like a login, so a
 * stolen token cannot guess it), every session of theirs ends, and a fresh one is answered.
 */
export async function changeOwnPassword(deps: Deps, admin: AdminDoc, current: string, next: string, ip: string | undefined): Promise<IssuedSession> {
  const keys = loginKeys(deps, admin.username, ip);
  await takeLoginAttempt(deps, keys);
  if (!(await deps.crypto.verifyPassword(current, admin.password_hash))) {
    await loginFailed(deps, keys);
    throw new AppError('admin/invalid-credentials');
  }
  await loginSucceeded(deps, keys);
  await setAdminPassword(deps, admin._id, next);
  await audit(deps, { actor: `admin:${admin._id}`, action: 'admin.password.change', target: admin._id });
  return openSession(deps, admin);
}

/** A new password ends every session first: if the write after it fails, nobody kept a session. */
export async function setAdminPassword(deps: Deps, adminId: string, password: string): Promise<void> {
  await endAllSessions(deps, adminId);
  const now = new Date(deps.clock.now()).toISOString();
  await deps.store.update('admins', adminId, { set: { password_hash: await deps.crypto.hashPassword(password), updated_at: now, password_changed_at: now } });
}

// scrypt hash of a random password nobody knows; same parameters as real hashes.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
