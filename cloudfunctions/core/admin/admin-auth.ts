import type { AdminView } from '../contracts/domain';
import type { Deps } from '../ports';
import { q } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { audit } from '../audit/audit';

export const ADMIN_TOKEN_TTL_SECONDS = 8 * 3600;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export const adminIdFor = (username: string) => `adm_${username.toLowerCase()}`;

export function adminView(a: AdminDoc): AdminView {
  return { id: a._id, username: a.username, displayName: a.display_name, permissions: a.permissions };
}

/** Verifies the password (scrypt), locks the account after repeated failures, issues a signed token. */
export async function adminLogin(deps: Deps, username: string, password: string): Promise<{ token: string; admin: AdminView; expiresAt: string }> {
  const id = adminIdFor(username);
  const admin = await deps.store.get<AdminDoc>('admins', id);
  const now = deps.clock.now();
  if (admin && admin.locked_until > now) {
    throw new AppError('admin/locked', { minutes: Math.ceil((admin.locked_until - now) / 60000) });
  }
  // Verify against something even for unknown names, so timing does not reveal which names exist.
  const ok = await deps.crypto.verifyPassword(password, admin?.password_hash ?? DUMMY_HASH);
  if (!admin || !ok) {
    if (admin) await recordFailure(deps, admin, now);
    throw new AppError('admin/invalid-credentials');
  }
  if (admin.failed_attempts > 0) await deps.store.update('admins', id, { set: { failed_attempts: 0, locked_until: 0 } });
  const token = deps.crypto.signToken({ typ: 'admin', sub: admin._id }, ADMIN_TOKEN_TTL_SECONDS);
  await audit(deps, { actor: `admin:${admin._id}`, action: 'admin.login', target: admin._id });
  return { token, admin: adminView(admin), expiresAt: new Date(now + ADMIN_TOKEN_TTL_SECONDS * 1000).toISOString() };
}

async function recordFailure(deps: Deps, admin: AdminDoc, now: number): Promise<void> {
  await deps.store.update('admins', admin._id, { inc: { failed_attempts: 1 } });
  // Lock once the count reaches the limit; the condition keeps concurrent failures from extending it twice.
  const locked = await deps.store.update(
    'admins',
    admin._id,
    { set: { locked_until: now + LOCK_MINUTES * 60000, failed_attempts: 0 } },
    { failed_attempts: q.gte(MAX_FAILED_ATTEMPTS) },
  );
  if (locked) await audit(deps, { actor: 'system', action: 'admin.locked', target: admin._id, details: { at: isoNow(deps.clock) } });
}

/** The admin behind a bearer token, or `auth/unauthenticated`. */
export async function authenticateAdmin(deps: Deps, bearer: string | undefined): Promise<AdminDoc> {
  const payload = bearer ? deps.crypto.verifyToken(bearer) : null;
  if (!payload || payload['typ'] !== 'admin' || typeof payload['sub'] !== 'string') throw new AppError('auth/unauthenticated');
  const admin = await deps.store.get<AdminDoc>('admins', payload['sub']);
  if (!admin) throw new AppError('auth/unauthenticated');
  return admin;
}

// scrypt hash of a random password nobody knows; same parameters as real hashes.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
