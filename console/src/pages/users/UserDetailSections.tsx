import type { ReactNode } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Tag } from 'tdesign-react/es/tag';
import { AuditList } from '../../components/audit';
import type { AdminUserDetail, BindingView, JoinRequestView } from '../../contracts';
import { hasMessage, useI18n } from '../../i18n';
import { MANUAL_METHOD_ID } from './UserFiltersBar';
import { reasonText } from '../accounts/MatchReasons';

/** Who the user is: the facts of `users.get`. `#user-facts` with `[data-fact]` rows. */
export function UserFacts({ user, methodNames }: { user: AdminUserDetail; methodNames: Map<string, string> }) {
  const { t, formatTime } = useI18n();
  const none = t('common.none');
  const method = user.methodId === MANUAL_METHOD_ID ? t('users.method.manual') : user.methodId ? (methodNames.get(user.methodId) ?? user.methodId) : none;
  const rows: Array<[string, string, ReactNode]> = [
    ['mobile', t('users.detail.mobile'), user.mobile || none],
    ['account', t('users.detail.account'), user.accountName || none],
    ['contact', t('users.detail.contact'), user.contactName || none],
    ['enterprise', t('users.detail.enterprise'), user.enterpriseName || none],
    ['method', t('users.col.method'), method],
    ['seat', t('users.detail.seat'), user.holdsSeat ? t('common.yes') : t('common.no')],
    ['created', t('users.col.createdAt'), formatTime(user.createdAt)],
    ['updated', t('users.detail.updatedAt'), user.updatedAt ? formatTime(user.updatedAt) : none],
    ['id', t('common.id'), <code key="id">{user.id}</code>],
  ];
  return (
    <dl id="user-facts" className="facts">
      {rows.map(([key, label, value]) => (
        <div key={key} data-fact={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a pending registrant asked for; the approve / reject buttons come from the drawer. */
export function JoinRequest({ request, actions }: { request?: JoinRequestView; actions: ReactNode }) {
  const { t, formatTime } = useI18n();
  const matchedKey = request ? `users.join.matched.${request.matched}` : '';
  return (
    <section id="user-join" className="drawer-section drawer-section--attention">
      <h4>{t('users.join.title')}</h4>
      {request ? (
        <dl className="facts">
          {request.typedName || request.typedCreditCode ? (
            <div id="user-join-typed" data-fact="typed">
              <dt>{t('users.join.typed')}</dt>
              <dd>
                {request.typedName ? <span id="user-join-typed-name">{request.typedName}</span> : null}
                {request.typedCreditCode ? <span className="mono"> {request.typedCreditCode}</span> : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('users.join.account')}</dt>
            <dd id="user-join-account">{request.accountName}</dd>
          </div>
          <div>
            <dt>{t('users.join.matched')}</dt>
            <dd id="user-join-why">
              {hasMessage(matchedKey) ? t(matchedKey) : request.matched}
              {request.reasons?.length ? (
                <>
                  {t('users.join.because')}
                  <ul className="join-reasons">
                    {request.reasons.map((r, i) => (
                      <li key={i} data-why={r.code}>
                        {reasonText(t, r)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('users.join.contact')}</dt>
            <dd>
              {request.contactName} <span className="mono">{request.mobile}</span>
            </dd>
          </div>
          <div>
            <dt>{t('users.join.requestedAt')}</dt>
            <dd>{formatTime(request.requestedAt)}</dd>
          </div>
        </dl>
      ) : null}
      <p className="drawer-section__hint">{t('users.join.hint')}</p>
      <div className="drawer-actions">{actions}</div>
    </section>
  );
}

const BINDING_TYPE: Record<BindingView['type'], 'users.binding.wechat' | 'users.binding.unionid' | 'users.binding.mobile'> = {
  wechat: 'users.binding.wechat',
  unionid: 'users.binding.unionid',
  mobile: 'users.binding.mobile',
};

/** `#user-bindings`, items `li[data-binding-id]`, WeChat ones with a `[data-unbind]` button. */
export function Bindings({ bindings, onUnbind, busy }: { bindings: BindingView[]; onUnbind?: (binding: BindingView) => void; busy: boolean }) {
  const { t, formatTime } = useI18n();
  if (bindings.length === 0) return <p id="user-bindings" className="drawer-section__hint">{t('users.binding.none')}</p>;
  return (
    <ul id="user-bindings" className="bindings">
      {bindings.map((b) => (
        <li key={b.id} data-binding-id={b.id} data-type={b.type}>
          <Tag variant="light" theme={b.type === 'wechat' ? 'success' : 'default'}>
            {BINDING_TYPE[b.type] ? t(BINDING_TYPE[b.type]) : b.type}
          </Tag>
          <span className="mono">{b.label}</span>
          {b.appid ? (
            <span className="bindings__app" data-app-kind={b.appKind}>
              {t(b.appKind === 'official-account' ? 'users.binding.officialAccount' : 'users.binding.app', { appid: b.appid })}
            </span>
          ) : null}
          <time dateTime={b.createdAt}>{formatTime(b.createdAt)}</time>
          {b.type === 'wechat' && onUnbind ? (
            <Button size="small" variant="text" theme="danger" data-unbind={b.id} disabled={busy} onClick={() => onUnbind(b)}>
              {t('users.binding.unbind')}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function History({ user }: { user: AdminUserDetail }) {
  const { t } = useI18n();
  return <AuditList id="user-history" entries={user.history} emptyText={t('users.history.none')} />;
}
