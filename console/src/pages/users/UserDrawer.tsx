import { useCallback, useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Drawer } from 'tdesign-react/es/drawer';
import { Loading } from 'tdesign-react/es/loading';
import { MessagePlugin } from 'tdesign-react/es/message';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RoleSelect } from '../../components/RoleSelect';
import { useConfirmAction } from '../../components/useConfirmAction';
import { UserStatusTag } from '../../components/UserStatusTag';
import type { AdminUserDetail, AdminUserRow, BindingView, RoleView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { Bindings, History, JoinRequest, UserFacts } from './UserDetailSections';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * One terminal user (`users.get`): facts, join request, roles, bindings, history, and the actions on
 * them. Every state change is confirmed first; a refusal shows the server's message in the dialog.
 * `onChanged(row)` updates the list's row; `onChanged(null)` means the user is gone (rejected join).
 * Test hooks: `#user-drawer[data-user-id][data-status]`, `#user-disable`, `#user-enable`, `#user-approve`,
 * `#user-reject`, `#user-unbind-all`, `[data-unbind]`, `#user-roles` + `#user-roles-save`, `#user-history`,
 * `#user-error`; confirmations: see useConfirmAction.
 */
export function UserDrawer({ userId, roles, methodNames, onClose, onChanged }: { userId: string | null; roles: RoleView[]; methodNames: Map<string, string>; onClose: () => void; onChanged: (row: AdminUserRow | null) => void }) {
  const { t } = useI18n();
  const [user, setUser] = useState<AdminUserDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [savingRoles, setSavingRoles] = useState(false);
  const [confirm, confirmElement] = useConfirmAction();

  const load = useCallback(async (id: string) => {
    setError(null);
    try {
      const detail = await adminCall('users.get', { userId: id });
      setUser(detail);
      setRoleIds(detail.roleIds);
      return detail;
    } catch (e) {
      setError(e);
      return null;
    }
  }, []);

  useEffect(() => {
    setUser(null);
    if (userId) void load(userId);
  }, [userId, load]);

  /** after an action: fresh detail, and the list row follows */
  const refresh = async () => {
    if (!userId) return;
    const detail = await load(userId);
    if (detail) onChanged(detail);
  };

  const act = (title: string, body: string, run: () => Promise<unknown>, danger = false) =>
    confirm({
      title,
      body,
      danger,
      run: async () => {
        await run();
        void MessagePlugin.success(t('users.done'));
        await refresh();
      },
    });

  const saveRoles = async () => {
    if (!user) return;
    setSavingRoles(true);
    try {
      await adminCall('users.setRoles', { userId: user.id, roleIds });
      void MessagePlugin.success(t('common.saved'));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setSavingRoles(false);
    }
  };

  const unbind = (binding?: BindingView) =>
    user &&
    act(
      t('users.binding.unbindTitle'),
      binding ? t('users.binding.unbindOne', { label: binding.label }) : t('users.binding.unbindAll', { name: user.name }),
      () => adminCall('users.unbindWechat', { userId: user.id, ...(binding ? { bindingId: binding.id } : {}) }),
      true,
    );

  const isGuest = user?.kind === 'guest';
  const wechatCount = user?.bindings.filter((b) => b.type === 'wechat').length ?? 0;

  return (
    <Drawer visible={!!userId} onClose={onClose} size="600px" header={user ? user.name || t('common.none') : t('users.detail.title')} footer={false} destroyOnClose>
      <div id="user-drawer" className="user-drawer" data-user-id={user?.id} data-status={user?.status}>
        {error ? <ErrorNotice id="user-error" error={error} onRetry={userId ? () => void load(userId) : undefined} /> : null}
        {!user && !error ? <Loading loading text={t('app.loading')} className="console-page-loading" /> : null}
        {user ? (
          <>
            <div className="user-drawer__status">
              <UserStatusTag status={user.status} />
              {isGuest ? <span className="drawer-section__hint">{t('users.detail.guestNote')}</span> : null}
            </div>
            {user.status === 'pending' ? (
              <JoinRequest
                request={user.joinRequest}
                actions={
                  <>
                    <Button id="user-approve" theme="primary" onClick={() => act(t('users.join.approveTitle'), t('users.join.approveBody', { name: user.name, account: user.joinRequest?.accountName ?? '' }), () => adminCall('users.approve', { userId: user.id }))}>
                      {t('users.join.approve')}
                    </Button>
                    <Button
                      id="user-reject"
                      theme="danger"
                      variant="outline"
                      onClick={() =>
                        confirm({
                          title: t('users.join.rejectTitle'),
                          body: t('users.join.rejectBody', { name: user.name }),
                          danger: true,
                          // the person is shown the reason and may correct their registration
                          reason: { label: t('users.join.reason'), required: true, maxLength: 200 },
                          run: async (reason) => {
                            const result = await adminCall('users.reject', { userId: user.id, reason });
                            void MessagePlugin.success(t('users.done'));
                            if (result.removed) {
                              onChanged(null);
                              onClose();
                            } else await refresh();
                          },
                        })
                      }
                    >
                      {t('users.join.reject')}
                    </Button>
                  </>
                }
              />
            ) : null}
            <UserFacts user={user} methodNames={methodNames} />
            {!isGuest ? (
              <section className="drawer-section">
                <h4>{t('users.col.roles')}</h4>
                <div className="inline-form">
                  <RoleSelect id="user-roles" roles={roles} value={roleIds} onChange={setRoleIds} />
                  <Button id="user-roles-save" disabled={sameSet(roleIds, user.roleIds)} loading={savingRoles} onClick={() => void saveRoles()}>
                    {t('common.save')}
                  </Button>
                </div>
              </section>
            ) : null}
            <section className="drawer-section">
              <h4>
                {t('users.binding.title')}
                {!isGuest && wechatCount > 1 ? (
                  <Button id="user-unbind-all" size="small" variant="text" theme="danger" onClick={() => unbind()}>
                    {t('users.binding.unbindAllButton')}
                  </Button>
                ) : null}
              </h4>
              <Bindings bindings={user.bindings} busy={false} onUnbind={isGuest ? undefined : (b) => unbind(b)} />
            </section>
            <section className="drawer-section">
              <h4>{t('users.history.title')}</h4>
              <History user={user} />
            </section>
            {!isGuest ? (
              <div className="drawer-actions drawer-actions--end">
                {user.status === 'disabled' ? (
                  <Button id="user-enable" theme="primary" variant="outline" onClick={() => act(t('users.enableTitle'), t('users.enableBody', { name: user.name }), () => adminCall('users.enable', { userId: user.id }))}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Button id="user-disable" theme="danger" variant="outline" onClick={() => act(t('users.disableTitle'), t('users.disableBody', { name: user.name }), () => adminCall('users.disable', { userId: user.id }), true)}>
                    {t('users.disable')}
                  </Button>
                )}
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      {confirmElement}
    </Drawer>
  );
}
