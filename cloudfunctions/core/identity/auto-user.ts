import type { Deps, WechatCaller } from '../ports';
import type { BindingDoc, EnterpriseDoc, MethodDoc, UserDoc } from '../kernel/docs';
import { isoNow } from '../kernel/time';
import { takeSeatInTx } from '../licences/seats';
import { auditInTx } from '../audit/audit';
import { wechatBindingId } from './bindings';
import { retryOnConflict } from './retry';

/**
 * `openid-auto`: the first open creates an Interconnection Enterprise + User from the OpenID alone.
 * Enterprise, user, binding, seat and audit entry land in one transaction; the binding's deterministic
 * id makes concurrent first logins converge on one user.
 */
export async function ensureAutoUser(deps: Deps, caller: WechatCaller, method: MethodDoc): Promise<UserDoc> {
  const bindingId = wechatBindingId(caller);
  return retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const existing = await tx.get<BindingDoc>('ic_bindings', bindingId);
      if (existing) {
        const user = await tx.get<UserDoc>('ic_users', existing.user_id);
        if (user) return user;
      }
      const now = isoNow(deps.clock);
      const tail = caller.openid.slice(-6);
      const enterprise: EnterpriseDoc = { _id: deps.crypto.randomId('ent'), name: `微信用户 ${tail}`, kind: 'auto', created_at: now };
      const user: UserDoc = {
        _id: deps.crypto.randomId('usr'),
        kind: 'member',
        status: 'active',
        name: `微信用户 ${tail}`,
        enterprise_id: enterprise._id,
        enterprise_name: enterprise.name,
        role_ids: [...method.role_ids],
        method_id: method._id,
        holds_seat: true,
        created_at: now,
        updated_at: now,
      };
      const binding: BindingDoc = { _id: bindingId, user_id: user._id, type: 'wechat', appid: caller.appid, created_at: now };
      await takeSeatInTx(tx);
      await tx.insert('ic_enterprises', enterprise);
      await tx.insert('ic_users', user);
      await tx.insert('ic_bindings', binding);
      if (caller.unionid) {
        // UnionID binding is informational here; a UnionID already bound elsewhere keeps its owner.
        const union = await tx.get('ic_bindings', `union:${caller.unionid}`);
        if (!union) await tx.insert('ic_bindings', { _id: `union:${caller.unionid}`, user_id: user._id, type: 'unionid', created_at: now });
      }
      await auditInTx(deps, tx, { actor: `wechat:${caller.appid}`, action: 'user.auto-created', target: user._id, details: { methodId: method._id } });
      return user;
    }),
  );
}
