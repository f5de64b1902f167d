import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RoleView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { matrixOf, permissionsOf, sameMatrix, type Matrix } from './matrix';
import { RoleMatrix } from './RoleMatrix';

export interface RoleDraft {
  name: string;
  nameEn: string;
  matrix: Matrix;
}

export const draftOf = (role: RoleView | null): RoleDraft => ({ name: role?.name ?? '', nameEn: role?.nameEn ?? '', matrix: matrixOf(role?.permissions ?? []) });

export function isDirty(role: RoleView | null, draft: RoleDraft): boolean {
  const base = draftOf(role);
  return base.name !== draft.name || base.nameEn !== draft.nameEn || !sameMatrix(base.matrix, draft.matrix);
}

/**
 * One role: its names and its permission matrix. The built-in Guest role (immutable) is shown but
 * nothing can be changed; other built-ins can be edited, not deleted.
 * `role` null = a new role. Test hooks: `#role-editor[data-role-id][data-readonly]`, `#role-name input`,
 * `#role-name-en input`, `#role-readonly`, `#role-save`, `#role-delete`, `#role-error`, `#role-dirty`.
 */
export function RoleEditor({
  role,
  draft,
  onDraft,
  onSave,
  onDelete,
  busy,
  error,
}: {
  role: RoleView | null;
  draft: RoleDraft;
  onDraft: (draft: RoleDraft) => void;
  onSave: (input: { name: string; nameEn?: string; permissions: ReturnType<typeof permissionsOf> }) => void;
  onDelete: () => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const readOnly = !!role?.immutable;
  const dirty = isDirty(role, draft);
  const [touched, setTouched] = useState(false);
  useEffect(() => setTouched(false), [role?.id]);
  const nameMissing = draft.name.trim() === '';

  return (
    <section id="role-editor" className="role-editor" data-role-id={role?.id ?? ''} data-readonly={String(readOnly)}>
      <header className="role-editor__head">
        <h3>{role ? role.name : t('roles.new')}</h3>
        {role?.builtin ? <Tag variant="light">{t('roles.builtin')}</Tag> : null}
        {readOnly ? (
          <Tag theme="warning" variant="light">
            {t('roles.readonly')}
          </Tag>
        ) : null}
        {dirty && !readOnly ? (
          <span id="role-dirty">
            <Tag theme="primary" variant="light">
              {t('common.unsavedChanges')}
            </Tag>
          </span>
        ) : null}
      </header>
      {readOnly ? (
        <div id="role-readonly" className="console-notice console-notice--info" role="note">
          {t('roles.guestNote')}
        </div>
      ) : null}
      <div className="form-row">
        <label className="field">
          <span>{t('roles.field.name')}</span>
          <Input {...domId('role-name')} value={draft.name} maxlength={40} disabled={readOnly} status={touched && nameMissing ? 'error' : undefined} onBlur={() => setTouched(true)} onChange={(v) => onDraft({ ...draft, name: String(v) })} />
        </label>
        <label className="field">
          <span>{t('roles.field.nameEn')}</span>
          <Input {...domId('role-name-en')} value={draft.nameEn} maxlength={40} disabled={readOnly} onChange={(v) => onDraft({ ...draft, nameEn: String(v) })} />
        </label>
      </div>
      <p className="drawer-section__hint">{t('roles.matrix.hint')}</p>
      <RoleMatrix matrix={draft.matrix} readOnly={readOnly} onChange={(cell, scope) => onDraft({ ...draft, matrix: { ...draft.matrix, [cell]: scope } })} />
      <dl className="scope-legend">
        {(['public', 'own', 'account', 'all'] as const).map((s) => (
          <div key={s}>
            <dt>{t(`scope.${s}`)}</dt>
            <dd>{t(`roles.scopeHelp.${s}`)}</dd>
          </div>
        ))}
      </dl>
      {error ? <ErrorNotice id="role-error" error={error} /> : null}
      {!readOnly ? (
        <div className="drawer-actions drawer-actions--end">
          {role && !role.builtin ? (
            <Button id="role-delete" theme="danger" variant="outline" disabled={busy} onClick={onDelete}>
              {t('common.delete')}
            </Button>
          ) : null}
          <Button
            id="role-save"
            theme="primary"
            loading={busy}
            disabled={nameMissing || (!!role && !dirty)}
            onClick={() => onSave({ name: draft.name.trim(), ...(draft.nameEn.trim() ? { nameEn: draft.nameEn.trim() } : {}), permissions: permissionsOf(draft.matrix) })}
          >
            {role ? t('common.save') : t('roles.createButton')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
