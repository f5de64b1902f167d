import type { SessionView } from '../contracts/domain';
import type { Deps } from '../ports';
import type { EnterpriseDoc, UserDoc } from '../kernel/docs';
import { hasForbiddenCharacters } from '../kernel/schema';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';

/** what `openid-auto` names a user (and their enterprise) before anyone knows better (identity/auto-user.ts) */
const PLACEHOLDER = '微信用户 ';

/** The WeChat name as something safe to show: one line, no control or direction characters, 40 characters. */
export function displayableName(nickname: string): string | null {
  const name = nickname.trim().slice(0, 40);
  return name && !hasForbiddenCharacters(name, 'line') ? name : null;
}

/**
 * Under `snsapi_userinfo` the person agreed to share their WeChat name: an auto user (and their auto
 * enterprise) still under the placeholder takes it. A name someone gave — registration, a Contact, an
 * admin — is never overwritten. Answers the session view as it now reads.
 */
export async function nameFromWechat(deps: Deps, appid: string, view: SessionView, nickname: string | undefined): Promise<SessionView> {
  const name = nickname ? displayableName(nickname) : null;
  const userId = view.user?.id;
  if (!name || !userId || view.state !== 'member' || view.user?.contactId || !view.user?.name.startsWith(PLACEHOLDER)) return view;
  const renamed = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const user = await tx.get<UserDoc>('ic_users', userId);
      if (!user || user.contact_id || !user.name.startsWith(PLACEHOLDER)) return null;
      const now = isoNow(deps.clock);
      const enterprise = await tx.get<EnterpriseDoc>('ic_enterprises', user.enterprise_id);
      const renameEnterprise = enterprise?.kind === 'auto' && enterprise.name.startsWith(PLACEHOLDER);
      await tx.update('ic_users', userId, { set: { name, ...(renameEnterprise ? { enterprise_name: name } : {}), updated_at: now } });
      if (renameEnterprise) await tx.update('ic_enterprises', user.enterprise_id, { set: { name } });
      await auditInTx(deps, tx, { actor: `wechat:${appid}`, action: 'user.named-from-wechat', target: userId, details: { enterprise: renameEnterprise } });
      return { enterprise: renameEnterprise };
    }),
  );
  if (!renamed || !view.user) return view;
  return {
    ...view,
    user: { ...view.user, name },
    ...(renamed.enterprise && view.enterprise ? { enterprise: { ...view.enterprise, name } } : {}),
  };
}
