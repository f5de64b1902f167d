import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Drawer } from 'tdesign-react/es/drawer';
import { Input } from 'tdesign-react/es/input';
import { Radio } from 'tdesign-react/es/radio';
import { Switch } from 'tdesign-react/es/switch';
import { TagInput } from 'tdesign-react/es/tag-input';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RoleSelect } from '../../components/RoleSelect';
import type { AppKind, DuplicateCheck, MethodAccountSettings, MethodContactSettings, MethodView, NewAccountRule, OwnerAssignment, RegistrationMode, RoleView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { draftOf, draftProblems, inputOf, type MethodDraft } from './draft';
import { FieldLayoutEditor } from './FieldLayoutEditor';

const MODES: readonly RegistrationMode[] = ['openid-auto', 'form'];
const APP_KINDS: readonly AppKind[] = ['mini-program', 'official-account'];
const RULES: readonly NewAccountRule[] = ['user-defined', 'select-existing', 'registry'];
const CHECKS: readonly DuplicateCheck[] = ['exact', 'fuzzy'];
const OWNERS: readonly OwnerAssignment[] = ['single', 'round-robin'];

/**
 * Every field of a self-registration method (DESIGN §2.3). `editing`: undefined = closed, null = new.
 * Test hooks: `#method-editor`, `#method-name input`, `#method-appid input`, `#method-enabled`,
 * `#method-mode [data-value]`, `#method-roles`, `#method-account-record-type input`, `#method-rule [data-value]`,
 * `#method-duplicate-check [data-value]`, `#method-owner-assignment [data-value]`, `#method-owners`,
 * `#method-show-only-required`, `#method-account-fields`, `#method-contact-record-type input`,
 * `#method-contact-fields`, `#method-problems`, `#method-save`, `#method-error`.
 */
export function MethodEditor({ editing, roles, defaultRoleIds, onClose, onSaved }: { editing: MethodView | null | undefined; roles: RoleView[]; defaultRoleIds: string[]; onClose: () => void; onSaved: (method: MethodView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<MethodDraft>(() => draftOf(editing ?? null, defaultRoleIds));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (editing === undefined) return;
    setDraft(draftOf(editing, defaultRoleIds));
    setError(null);
    setTried(false);
  }, [editing, defaultRoleIds]);

  const set = (patch: Partial<MethodDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setAccount = (patch: Partial<MethodAccountSettings>) => setDraft((d) => ({ ...d, account: { ...d.account, ...patch } }));
  const setContact = (patch: Partial<MethodContactSettings>) => setDraft((d) => ({ ...d, contact: { ...d.contact, ...patch } }));
  const problems = draftProblems(draft);

  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const input = inputOf(draft);
      onSaved(editing ? await adminCall('methods.update', { id: editing.id, ...input }) : await adminCall('methods.create', input));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const a = draft.account;
  return (
    <Drawer
      visible={editing !== undefined}
      size="880px"
      header={editing ? t('methods.editTitle', { name: editing.name }) : t('methods.createTitle')}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button id="method-save" theme="primary" loading={busy} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <div id="method-editor" className="method-editor">
        <section className="drawer-section">
          <h4>{t('methods.section.basic')}</h4>
          <div className="form-row">
            <label className="field">
              <span>{t('methods.name')}</span>
              <Input {...domId('method-name')} value={draft.name} maxlength={40} onChange={(v) => set({ name: String(v) })} />
            </label>
            <label className="field">
              <span>{t('methods.appId')}</span>
              <Input {...domId('method-appid')} value={draft.appId} maxlength={32} placeholder="wx…" onChange={(v) => set({ appId: String(v) })} />
            </label>
          </div>
          <Choice id="method-app-kind" label={t('methods.appKind')} value={draft.appKind} values={APP_KINDS} onChange={(appKind) => set({ appKind })} text={(k) => t(`methods.appKind.${k}`)} help={(k) => t(`methods.appKindHelp.${k}`)} />
          <label className="inline-switch field-inline">
            <span id="method-enabled" data-on={String(draft.enabled)}>
              <Switch value={draft.enabled} onChange={(v) => set({ enabled: Boolean(v) })} />
            </span>
            {t('methods.enabled')}
          </label>
          <p className="drawer-section__hint">{t('methods.enabledHint')}</p>
          <Choice id="method-mode" label={t('methods.mode')} value={draft.mode} values={MODES} onChange={(mode) => set({ mode })} text={(m) => t(`methods.mode.${m}`)} help={(m) => t(`methods.modeHelp.${m}`)} />
          <label className="field">
            <span>{t('methods.roles')}</span>
            <RoleSelect id="method-roles" roles={roles} value={draft.roleIds} onChange={(roleIds) => set({ roleIds })} />
          </label>
        </section>

        <section className="drawer-section">
          <h4>{t('methods.section.account')}</h4>
          {draft.mode === 'openid-auto' ? <p className="drawer-section__hint">{t('methods.autoAccountNote')}</p> : null}
          <label className="field">
            <span>{t('methods.recordType')}</span>
            <Input {...domId('method-account-record-type')} value={a.recordType} maxlength={40} onChange={(v) => setAccount({ recordType: String(v) })} />
          </label>
          <Choice id="method-rule" label={t('methods.rule')} value={a.newAccountRule} values={RULES} onChange={(newAccountRule) => setAccount({ newAccountRule })} text={(r) => t(`methods.rule.${r}`)} help={(r) => t(`methods.ruleHelp.${r}`)} />
          <Choice id="method-duplicate-check" label={t('methods.duplicateCheck')} value={a.duplicateCheck} values={CHECKS} onChange={(duplicateCheck) => setAccount({ duplicateCheck })} text={(c) => t(`methods.check.${c}`)} help={(c) => t(`methods.checkHelp.${c}`)} />
          <Choice id="method-owner-assignment" label={t('methods.ownerAssignment')} value={a.ownerAssignment} values={OWNERS} onChange={(ownerAssignment) => setAccount({ ownerAssignment })} text={(o) => t(`methods.owner.${o}`)} help={(o) => t(`methods.ownerHelp.${o}`)} />
          <label className="field">
            <span>{a.ownerAssignment === 'single' ? t('methods.ownersSingle') : t('methods.ownersRotation')}</span>
            <div id="method-owners">
              <TagInput value={a.owners} clearable max={a.ownerAssignment === 'single' ? 1 : 50} placeholder={t('methods.ownersPlaceholder')} onChange={(v) => setAccount({ owners: (v as Array<string | number>).map(String).map((s) => s.trim()).filter(Boolean) })} />
            </div>
          </label>
          <label className="inline-switch field-inline">
            <span id="method-show-only-required" data-on={String(a.showOnlyRequired)}>
              <Switch value={a.showOnlyRequired} onChange={(v) => setAccount({ showOnlyRequired: Boolean(v) })} />
            </span>
            {t('methods.showOnlyRequired')}
          </label>
          <p className="drawer-section__hint">{t('methods.fieldsHint')}</p>
          <FieldLayoutEditor id="method-account-fields" fields={a.fields} onChange={(fields) => setAccount({ fields })} />
        </section>

        <section className="drawer-section">
          <h4>{t('methods.section.contact')}</h4>
          <label className="field">
            <span>{t('methods.recordType')}</span>
            <Input {...domId('method-contact-record-type')} value={draft.contact.recordType} maxlength={40} onChange={(v) => setContact({ recordType: String(v) })} />
          </label>
          <p className="drawer-section__hint">{t('methods.mobileNote')}</p>
          <FieldLayoutEditor id="method-contact-fields" fields={draft.contact.fields} onChange={(fields) => setContact({ fields })} />
        </section>

        {tried && problems.length > 0 ? (
          <ul id="method-problems" className="console-notice console-notice--warning method-problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{t(p)}</li>
            ))}
          </ul>
        ) : null}
        {error ? <ErrorNotice id="method-error" error={error} /> : null}
      </div>
    </Drawer>
  );
}

/** A labelled radio group whose options each explain themselves in a line. Options carry `data-value`. */
function Choice<V extends string>({ id, label, value, values, onChange, text, help }: { id: string; label: string; value: V; values: readonly V[]; onChange: (v: V) => void; text: (v: V) => string; help: (v: V) => string }) {
  return (
    <div className="field">
      <span>{label}</span>
      <div id={id} className="choice" role="radiogroup" aria-label={label}>
        <Radio.Group value={value} onChange={(v) => onChange(v as V)}>
          {values.map((v) => (
            <Radio key={v} value={v} data-value={v}>
              <span className="choice__text">{text(v)}</span>
              <span className="choice__help">{help(v)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </div>
    </div>
  );
}
