import type { Deps } from '../ports';
import { q } from '../ports';
import type { AdminDoc, AdminSessionDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

/**
 * Admin sessions: one document per sign-in, named by the token. The token's signature and its own
 * expiry only say who it was issued to; the session decides whether it still works — so logout, a
 * password change and a disable end it at once, and an idle console times out after 30 minutes.
 */
export const ADMIN_SESSION_MS = 30 * 60_000;
/** the signed token's own lifetime: `renew` hands out a fresh one while the console is in use */
export const ADMIN_TOKEN_TTL_SECONDS = 12 * 3600;
/** a busy console slides its session forward at most once a minute (one write, not one per call) */
const TOUCH_EVERY_MS = 60_000;

const COLL = 'admin_sessions';

export interface AdminSession {
  admin: AdminDoc;
  session: AdminSessionDoc;
}

export interface IssuedSession {
  token: string;
  expiresAt: string;
}

const tokenFor = (deps: Deps, session: Pick<AdminSessionDoc, '_id' | 'admin_id'>) =>
  deps.crypto.signToken({ typ: 'admin', sub: session.admin_id, sid: session._id }, ADMIN_TOKEN_TTL_SECONDS);

export async function openSession(deps: Deps, admin: AdminDoc): Promise<IssuedSession> {
  const now = deps.clock.now();
  const doc: AdminSessionDoc = {
    _id: deps.crypto.randomId('ads'),
    admin_id: admin._id,
    created_at: new Date(now).toISOString(),
    created_ms: now,
    expires_at: now + ADMIN_SESSION_MS,
    touched_at: now,
    ended: false,
  };
  await deps.store.insert(COLL, doc);
  await sweepEnded(deps, admin._id, now);
  return { token: tokenFor(deps, doc), expiresAt: new Date(doc.expires_at).toISOString() };
}

/** The admin and live session behind a bearer token, or `auth/unauthenticated`. */
export async function authenticateSession(deps: Deps, bearer: string | undefined): Promise<AdminSession> {
  const payload = bearer ? deps.crypto.verifyToken(bearer) : null;
  const sub = payload?.['sub'];
  const sid = payload?.['sid'];
  if (!payload || payload['typ'] !== 'admin' || typeof sub !== 'string' || typeof sid !== 'string') throw new AppError('auth/unauthenticated');
  const [session, admin] = await Promise.all([deps.store.get<AdminSessionDoc>(COLL, sid), deps.store.get<AdminDoc>('admins', sub)]);
  const now = deps.clock.now();
  if (!session || !admin || session.admin_id !== admin._id || session.ended || session.expires_at <= now || admin.disabled) throw new AppError('auth/unauthenticated');
  // sessions opened before the last password change or disable are over, even if ending them was interrupted
  if (admin.sessions_valid_after !== undefined && session.created_ms < admin.sessions_valid_after) throw new AppError('auth/unauthenticated');
  return { admin, session };
}

/** After a successful call: the session lives another 30 minutes (written at most once a minute). */
export async function touchSession(deps: Deps, session: AdminSessionDoc): Promise<void> {
  const now = deps.clock.now();
  if (now - session.touched_at < TOUCH_EVERY_MS) return;
  await slide(deps, session._id, now);
}

/** The console's keep-alive: slides the session and hands out a fresh token for it. */
export async function renewSession(deps: Deps, session: AdminSessionDoc): Promise<IssuedSession> {
  const now = deps.clock.now();
  if (!(await slide(deps, session._id, now))) throw new AppError('auth/unauthenticated');
  return { token: tokenFor(deps, session), expiresAt: new Date(now + ADMIN_SESSION_MS).toISOString() };
}

// only a live session moves: an ended or expired one is never revived
const slide = (deps: Deps, id: string, now: number) =>
  deps.store.update(COLL, id, { set: { expires_at: now + ADMIN_SESSION_MS, touched_at: now } }, { ended: false, expires_at: q.gt(now) });

export async function endSession(deps: Deps, id: string): Promise<void> {
  await deps.store.update(COLL, id, { set: { ended: true } });
}

/**
 * Ends every session of an admin. The admin document's `sessions_valid_after` is what authentication
 * checks; marking the sessions ended keeps the collection truthful for anyone reading it.
 */
export async function endAllSessions(deps: Deps, adminId: string): Promise<void> {
  await deps.store.update('admins', adminId, { set: { sessions_valid_after: deps.clock.now() } });
  await deps.store.updateMany(COLL, { admin_id: adminId, ended: false }, { set: { ended: true } });
}

/** Sessions over for a day are removed when their admin next signs in (bounded work per sign-in). */
async function sweepEnded(deps: Deps, adminId: string, now: number): Promise<void> {
  const old = await deps.store.find<AdminSessionDoc>(COLL, { where: { admin_id: adminId, expires_at: q.lt(now - 24 * 3600_000) }, limit: 50 });
  for (const s of old) await deps.store.remove(COLL, s._id);
}
