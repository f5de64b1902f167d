import { useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Loading } from 'tdesign-react/es/loading';
import { MessagePlugin } from 'tdesign-react/es/message';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { roleLabel, useRoles } from '../../components/roles';
import { useConfirmAction } from '../../components/useConfirmAction';
import type { Permission, RoleView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { draftOf, isDirty, RoleEditor, type RoleDraft } from './RoleEditor';
import './roles.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

const NEW = '__new__';

/**
 * Roles and their permissions: the list on the left, the chosen role's matrix on the right.
 * Test hooks: `#roles-list` (`button[data-role-id][data-immutable]`), `#roles-create`, `#roles-error`,
 * then RoleEditor's.
 */
export default function RolesPage() {
  const { t, locale } = useI18n();
  const { roles, error: loadError, loading, reload } = useRoles();
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<RoleDraft>(draftOf(null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // the role just saved, until the reloaded list has it (so the editor never flips back to "new role")
  const [lastSaved, setLastSaved] = useState<RoleView | null>(null);
  const [confirm, confirmElement] = useConfirmAction();

  const role = useMemo(
    () => (selected && selected !== NEW ? (roles.find((r) => r.id === selected) ?? (lastSaved?.id === selected ? lastSaved : null)) : null),
    [roles, selected, lastSaved],
  );

  // when roles arrive (first load, after a delete): open the first one if none is open
  useEffect(() => {
    if (selected === null && roles.length > 0) open(roles[0]!.id);
  }, [roles]);

  function open(id: string) {
    const next = id === NEW ? null : (roles.find((r) => r.id === id) ?? null);
    setSelected(id);
    setDraft(draftOf(next));
    setError(null);
  }

  const choose = (id: string) => {
    if (id === selected) return;
    const dirty = selected !== null && !role?.immutable && isDirty(role, draft);
    if (!dirty) return open(id);
    confirm({ title: t('roles.discardTitle'), body: t('roles.discardBody'), confirmText: t('roles.discard'), danger: true, run: async () => open(id) });
  };

  const save = async (input: { name: string; nameEn?: string; permissions: Permission[] }) => {
    setBusy(true);
    setError(null);
    try {
      const saved: RoleView = role ? await adminCall('roles.update', { id: role.id, ...input }) : await adminCall('roles.create', input);
      void MessagePlugin.success(t('common.saved'));
      setLastSaved(saved);
      setSelected(saved.id);
      setDraft(draftOf(saved));
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = () =>
    role &&
    confirm({
      title: t('roles.deleteTitle'),
      body: t('roles.deleteBody', { name: role.name }),
      danger: true,
      confirmText: t('common.delete'),
      run: async () => {
        await adminCall('roles.delete', { id: role.id });
        void MessagePlugin.success(t('roles.deleted'));
        setSelected(null);
        reload();
      },
    });

  return (
    <div className="console-card roles-page">
      <PageHeading title={t('roles.title')} description={t('roles.description')} />
      {loadError ? <ErrorNotice id="roles-error" error={loadError} onRetry={reload} /> : null}
      <div className="roles-layout">
        <nav id="roles-list" className="roles-list" aria-label={t('roles.title')}>
          {loading && roles.length === 0 ? <Loading size="small" loading /> : null}
          {roles.map((r) => (
            <button
              key={r.id}
              type="button"
              className={`roles-list__item${r.id === selected ? ' is-active' : ''}`}
              data-role-id={r.id}
              data-immutable={String(r.immutable)}
              aria-current={r.id === selected ? 'true' : undefined}
              onClick={() => choose(r.id)}
            >
              <span className="roles-list__name">{roleLabel(r, locale)}</span>
              <span className="roles-list__meta">{r.immutable ? t('roles.readonly') : r.builtin ? t('roles.builtin') : t('roles.count', { count: r.permissions.length })}</span>
            </button>
          ))}
          <Button id="roles-create" variant="dashed" block onClick={() => choose(NEW)}>
            {t('roles.create')}
          </Button>
        </nav>
        <div className="roles-main">{selected !== null ? <RoleEditor role={role} draft={draft} onDraft={setDraft} onSave={(input) => void save(input)} onDelete={remove} busy={busy} error={error} /> : null}</div>
      </div>
      {confirmElement}
    </div>
  );
}
