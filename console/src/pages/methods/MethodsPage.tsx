import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Loading } from 'tdesign-react/es/loading';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { assignable, DEFAULT_ROLE_ID, roleLabel } from '../../components/roles';
import { useConfirmAction } from '../../components/useConfirmAction';
import type { MethodView, RoleView, SettingsView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { MethodEditor } from './MethodEditor';
import { PortalTerms } from './PortalTerms';
import { PresetDialog } from './PresetDialog';
import { currentScenario } from './presets';
import { RegistrationSettings } from './RegistrationSettings';
import './methods.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

interface Loaded {
  settings: SettingsView;
  methods: MethodView[];
  roles: RoleView[];
}

const load = async (): Promise<Loaded> => {
  const [settings, methods, roles] = await Promise.all([adminCall('settings.get', {}), adminCall('methods.list', {}), adminCall('roles.list', {})]);
  return { settings, methods: methods.items, roles: roles.items };
};

/**
 * Self-registration: the portal switches it depends on, the methods (one enabled per mini program app),
 * a preset picker for the five seed scenarios, and the portal's audience and terms.
 * Test hooks: `#presets-open`, `#scenario-current[data-scenario]`, `#methods-create`, `#methods-table`
 * (rows `tr[data-method-id][data-mode][data-enabled]`, `[data-edit-method]`, `[data-delete-method]`),
 * `#methods-error`; plus RegistrationSettings', MethodEditor's, PresetDialog's and PortalTerms'.
 */
export default function MethodsPage() {
  const { t, locale } = useI18n();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<MethodView | null | undefined>(undefined);
  const [presets, setPresets] = useState(false);
  const [confirm, confirmElement] = useConfirmAction();

  const reload = useCallback(() => {
    setError(null);
    load().then(setData, setError);
  }, []);
  useEffect(reload, [reload]);

  const roleNames = useMemo(() => new Map((data?.roles ?? []).map((r) => [r.id, roleLabel(r, locale)])), [data?.roles, locale]);
  // a new method offers what most registrants get: the terminal user role, or else the first assignable one
  const roles = data?.roles;
  const defaultRoleIds = useMemo(() => {
    const first = (roles ?? []).find((r) => r.id === DEFAULT_ROLE_ID) ?? (roles ?? []).find(assignable);
    return first ? [first.id] : [];
  }, [roles]);

  const columns = useMemo<BaseTableCol<MethodView>[]>(
    () => [
      { colKey: 'name', title: t('methods.name'), ellipsis: true, cell: ({ row }) => row.name },
      {
        colKey: 'appId',
        title: t('methods.appId'),
        width: 220,
        cell: ({ row }) => (
          <span data-app-kind={row.appKind}>
            <span className="mono">{row.appId}</span> {row.appKind === 'official-account' ? <Tag variant="light">{t('methods.appKind.official-account')}</Tag> : null}
          </span>
        ),
      },
      { colKey: 'mode', title: t('methods.mode'), width: 150, cell: ({ row }) => <Tag variant="light" theme={row.mode === 'form' ? 'primary' : 'success'}>{t(`methods.mode.${row.mode}`)}</Tag> },
      { colKey: 'enabled', title: t('methods.enabled'), width: 90, cell: ({ row }) => (row.enabled ? <Tag theme="success" variant="light">{t('common.on')}</Tag> : <Tag variant="light">{t('common.off')}</Tag>) },
      { colKey: 'account', title: t('methods.rule'), width: 150, cell: ({ row }) => t(`methods.rule.${row.account.newAccountRule}`) },
      { colKey: 'roleIds', title: t('methods.roles'), ellipsis: true, cell: ({ row }) => row.roleIds.map((id) => roleNames.get(id) ?? id).join('、') || t('common.none') },
      {
        colKey: 'actions',
        title: t('common.actions'),
        width: 130,
        cell: ({ row }) => (
          <span className="row-actions">
            <Button variant="text" theme="primary" size="small" data-edit-method={row.id} onClick={() => setEditing(row)}>
              {t('common.edit')}
            </Button>
            <Button
              variant="text"
              theme="danger"
              size="small"
              data-delete-method={row.id}
              onClick={() =>
                confirm({
                  title: t('methods.deleteTitle'),
                  body: t('methods.deleteBody', { name: row.name }),
                  danger: true,
                  confirmText: t('common.delete'),
                  run: async () => {
                    await adminCall('methods.delete', { id: row.id });
                    void MessagePlugin.success(t('roles.deleted'));
                    reload();
                  },
                })
              }
            >
              {t('common.delete')}
            </Button>
          </span>
        ),
      },
    ],
    [t, roleNames, confirm, reload],
  );

  if (!data) {
    return (
      <div className="console-card">
        <PageHeading title={t('methods.title')} description={t('methods.description')} />
        {error ? <ErrorNotice id="methods-error" error={error} onRetry={reload} /> : <Loading loading text={t('app.loading')} className="console-page-loading" />}
      </div>
    );
  }

  const scenario = currentScenario(data.settings, data.methods);
  const setSettings = (settings: SettingsView) => setData((d) => (d ? { ...d, settings } : d));
  return (
    <div className="methods-page">
      <div className="console-card">
        <PageHeading
          title={t('methods.title')}
          description={t('methods.description')}
          actions={
            <>
              <span id="scenario-current" className="scenario-current" data-scenario={scenario ?? ''}>
                {scenario ? t('methods.presets.current', { n: scenario, name: t(`methods.preset.${scenario}.name`) }) : t('methods.presets.custom')}
              </span>
              <Button id="presets-open" variant="outline" onClick={() => setPresets(true)}>
                {t('methods.presets.open')}
              </Button>
            </>
          }
        />
        <RegistrationSettings settings={data.settings} onSettings={setSettings} />
      </div>
      <div className="console-card">
        <h3 className="panel-title">
          {t('methods.list')}
          <Button id="methods-create" theme="primary" onClick={() => setEditing(null)}>
            {t('methods.create')}
          </Button>
        </h3>
        {error ? <ErrorNotice id="methods-error" error={error} onRetry={reload} /> : null}
        <div id="methods-table">
          <BaseTable<MethodView>
            rowKey="id"
            data={data.methods}
            columns={columns}
            hover
            tableLayout="fixed"
            verticalAlign="middle"
            rowAttributes={({ row }) => ({ 'data-method-id': row.id, 'data-mode': row.mode, 'data-enabled': String(row.enabled) })}
            empty={<span className="table-empty">{t('methods.empty')}</span>}
          />
        </div>
      </div>
      <div className="console-card">
        <h3 className="panel-title">{t('methods.portal.title')}</h3>
        <PortalTerms settings={data.settings} onSettings={setSettings} />
      </div>
      <MethodEditor
        editing={editing}
        roles={data.roles}
        defaultRoleIds={defaultRoleIds}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void MessagePlugin.success(t('common.saved'));
          reload();
        }}
      />
      <PresetDialog
        open={presets}
        methods={data.methods}
        settings={data.settings}
        defaultRoleIds={defaultRoleIds}
        onClose={() => setPresets(false)}
        onApplied={() => {
          setPresets(false);
          void MessagePlugin.success(t('methods.presets.applied'));
          reload();
        }}
      />
      {confirmElement}
    </div>
  );
}
