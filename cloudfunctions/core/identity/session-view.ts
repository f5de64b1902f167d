import type { NextStep, SessionState, SessionView, UserView } from '../contracts/domain';
import type { MatchReason } from '../contracts/registration';
import type { Deps } from '../ports';
import type { MethodDoc, SettingsDoc, UserDoc } from '../kernel/docs';
import { allRoles } from '../access/permissions';
import type { Principal } from './principal';

export function userView(u: UserDoc): UserView {
  return {
    id: u._id,
    kind: u.kind,
    status: u.status,
    name: u.name,
    enterpriseId: u.enterprise_id,
    accountId: u.account_id,
    contactId: u.contact_id,
    roleIds: u.role_ids,
    mobile: u.mobile,
    methodId: u.method_id,
    createdAt: u.created_at,
    ...joinRequestOf(u),
  };
}

/** A pending registrant's request, for the console's approval queue and their own "waiting" screen. */
function joinRequestOf(u: UserDoc): Pick<UserView, 'joinRequest'> {
  const j = u['join_request'] as
    | { account_id?: string; account_name?: string; matched?: string; contact?: Record<string, string>; requested_at?: string; typed_name?: string; typed_credit_code?: string; match_reasons?: MatchReason[] }
    | undefined;
  if (!j?.account_id) return {};
  const matched = j.matched === 'fuzzy' || j.matched === 'credit-code' || j.matched === 'mobile' || j.matched === 'new' ? j.matched : 'exact';
  return {
    joinRequest: {
      accountId: j.account_id,
      accountName: j.account_name ?? '',
      matched,
      contactName: j.contact?.['name'] ?? '',
      mobile: j.contact?.['mobile1'] ?? '',
      requestedAt: j.requested_at ?? '',
      ...(j.typed_name ? { typedName: j.typed_name } : {}),
      ...(j.typed_credit_code ? { typedCreditCode: j.typed_credit_code } : {}),
      ...(Array.isArray(j.match_reasons) && j.match_reasons.length ? { reasons: j.match_reasons } : {}),
    },
  };
}

/** What a person without a user of their own should do next, given the configuration. */
export function nextStepFor(settings: SettingsDoc, method: MethodDoc | null): NextStep {
  if (settings.self_registration.enabled && method?.mode === 'form') return 'register';
  if (settings.manual_activation) return 'sms-login';
  return 'blocked';
}

export async function sessionView(deps: Deps, principal: Principal, method: MethodDoc | null): Promise<SessionView> {
  const { user, kind, settings } = principal;
  const state: SessionState = kind;
  const roleIds = kind === 'guest' ? ['guest'] : (user?.role_ids ?? []);
  const roles = (await allRoles(deps)).filter((r) => roleIds.includes(r._id)).map((r) => ({ id: r._id, name: r.name }));
  const next: NextStep = kind === 'member' || kind === 'pending' ? 'none' : kind === 'guest' ? guestNext(settings, method) : nextStepFor(settings, method);
  const view: SessionView = { state, roles, permissions: principal.permissions, next };
  // A guest shares one record; the Account behind it is the business's choice, not theirs to see.
  if (user && kind === 'guest') view.user = { ...userView(user), accountId: undefined, contactId: undefined };
  else if (user) {
    view.user = userView(user);
    view.enterprise = { id: user.enterprise_id, name: user.enterprise_name, accountId: user.account_id };
    if (user.account_id) view.account = { id: user.account_id, name: user.account_name ?? '' };
    if (user.contact_id) view.contact = { id: user.contact_id, name: user.contact_name ?? '' };
  }
  return view;
}

function guestNext(settings: SettingsDoc, method: MethodDoc | null): NextStep {
  const n = nextStepFor(settings, method);
  return n === 'blocked' ? 'none' : n;
}
