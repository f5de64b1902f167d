import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useConfirmAction } from '../../components/useConfirmAction';
import type { AdminAccountView } from '../../contracts';
import { hasMessage, useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { useSession } from '../../session/SessionContext';
import { AdminDialog } from './AdminDialog';
import './admins.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

/**
 * Console admins, for super admins: who they are, what they may do, and whether they may sign in.
 * Test hooks: `#admins-create`, `#admins-table` (rows `tr[data-admin-id]`, each with `[data-action="edit"|"disable"|"enable"]`),
 * `#admins-error`, and AdminDialog's.
 */
export default function AdminsPage() {
  const { t, formatTime } = useI18n();
  const { admin: me } = useSession();
  const [items, setItems] = useState<AdminAccountView[]>([]);
  const [vocabulary, setVocabulary] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<AdminAccountView | null | undefined>(undefined);
  const [confirm, confirmDialog] = useConfirmAction();

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const out = await adminCall('admins.list', {});
      setItems(out.items);
      setVocabulary(out.permissions);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const permissionLabel = useCallback(
    (p: string) => {
      if (p === '*') return t('admins.field.super');
      const key = `admins.perm.${p}`;
      return hasMessage(key) ? t(key) : p;
    },
    [t],
  );

  const setDisabled = useCallback(
    (row: AdminAccountView, disabled: boolean) =>
      confirm({
        title: t(disabled ? 'admins.disableTitle' : 'admins.enableTitle', { name: row.username }),
        body: disabled ? t('admins.disableBody') : undefined,
        danger: disabled,
        run: async () => {
          await adminCall(disabled ? 'admins.disable' : 'admins.enable', { id: row.id });
          void MessagePlugin.success(t(disabled ? 'admins.disabled' : 'admins.enabled', { name: row.username }));
          await load();
        },
      }),
    [confirm, load, t],
  );

  const columns = useMemo<BaseTableCol<AdminAccountView>[]>(
    () => [
      { colKey: 'username', title: t('admins.col.username'), width: 170, cell: ({ row }) => <span className="mono">{row.username + (row.id === me.id ? t('admins.you') : '')}</span> },
      { colKey: 'displayName', title: t('admins.col.displayName'), width: 150, ellipsis: true },
      {
        colKey: 'permissions',
        title: t('admins.col.permissions'),
        cell: ({ row }) => (
          <span className="admin-permission-tags">
            {row.permissions.map((p) => (
              <Tag key={p} size="small" variant="light" theme={p === '*' ? 'primary' : 'default'}>
                {permissionLabel(p)}
              </Tag>
            ))}
          </span>
        ),
      },
      {
        colKey: 'status',
        title: t('admins.col.status'),
        width: 100,
        cell: ({ row }) => (
          <Tag theme={row.disabled ? 'default' : 'success'} variant="light" data-status={row.disabled ? 'disabled' : 'enabled'}>
            {t(row.disabled ? 'admins.status.disabled' : 'admins.status.enabled')}
          </Tag>
        ),
      },
      { colKey: 'lastLoginAt', title: t('admins.col.lastLogin'), width: 160, cell: ({ row }) => (row.lastLoginAt ? <time dateTime={row.lastLoginAt}>{formatTime(row.lastLoginAt)}</time> : t('common.none')) },
      {
        colKey: 'actions',
        title: t('common.actions'),
        width: 150,
        cell: ({ row }) => (
          <span className="table-actions">
            <Button size="small" variant="text" theme="primary" data-action="edit" onClick={() => setEditing(row)}>
              {t('admins.edit')}
            </Button>
            {row.id === me.id ? null : (
              <Button size="small" variant="text" theme={row.disabled ? 'primary' : 'danger'} data-action={row.disabled ? 'enable' : 'disable'} onClick={() => setDisabled(row, !row.disabled)}>
                {t(row.disabled ? 'admins.enable' : 'admins.disable')}
              </Button>
            )}
          </span>
        ),
      },
    ],
    [t, formatTime, me.id, permissionLabel, setDisabled],
  );

  return (
    <div className="console-card admins-page">
      <PageHeading
        title={t('admins.title')}
        description={t('admins.description')}
        actions={
          <Button id="admins-create" theme="primary" onClick={() => setEditing(null)}>
            {t('admins.create')}
          </Button>
        }
      />
      {error ? <ErrorNotice id="admins-error" error={error} onRetry={() => void load()} /> : null}
      <div id="admins-table">
        <BaseTable<AdminAccountView>
          rowKey="id"
          data={items}
          columns={columns}
          loading={loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-admin-id': row.id })}
          empty={<span className="table-empty">{loading || error ? '' : t('admins.none')}</span>}
        />
      </div>
      <AdminDialog
        editing={editing}
        vocabulary={vocabulary}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined);
          void MessagePlugin.success(t('admins.saved', { name: saved.username }));
          void load();
        }}
      />
      {confirmDialog}
    </div>
  );
}
