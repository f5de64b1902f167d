import { Select } from 'tdesign-react/es/select';
import type { RoleView } from '../contracts';
import { useI18n } from '../i18n';
import { assignable, roleLabel } from './roles';

/**
 * Multiple roles from `roles.list`, the Guest role left out. The wrapper gets `id`; each option's text
 * is a `[data-option="<role id>"]` (TDesign's option `<li>` takes no data attributes).
 */
export function RoleSelect({ id, roles, value, onChange, disabled, placeholder }: { id: string; roles: RoleView[]; value: string[]; onChange: (ids: string[]) => void; disabled?: boolean; placeholder?: string }) {
  const { locale, t } = useI18n();
  const options = roles.filter(assignable).map((role) => ({ value: role.id, label: roleLabel(role, locale) }));
  return (
    <div id={id} className="role-select">
      <Select
        multiple
        clearable
        minCollapsedNum={4}
        disabled={disabled}
        value={value}
        placeholder={placeholder ?? t('common.chooseRoles')}
        onChange={(next) => onChange((next as Array<string | number>).map(String))}
      >
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value} label={o.label}>
            <span data-option={o.value}>{o.label}</span>
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}
