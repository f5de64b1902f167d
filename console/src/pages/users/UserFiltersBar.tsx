import { useEffect, useRef, useState } from 'react';
import { Input } from 'tdesign-react/es/input';
import { Radio } from 'tdesign-react/es/radio';
import { Select } from 'tdesign-react/es/select';
import { AccountSelect } from '../../components/AccountSelect';
import { roleLabel } from '../../components/roles';
import { STATUS_LABEL } from '../../components/UserStatusTag';
import type { MethodView, RoleView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import type { StatusFilter, UserFilters } from './useUserFilters';

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'pending', 'disabled'];
const SEARCH_DEBOUNCE_MS = 300;
/** `methodId` of users an admin activated by hand (core/contracts MANUAL_METHOD_ID; values cannot be imported here) */
export const MANUAL_METHOD_ID = 'manual';

/**
 * Search (a name prefix: the server ranges over its name index), status, Account, how they joined, role.
 * Test hooks: `#users-search input`, `#users-status [data-status]`, `#users-account`, `#users-method`,
 * `#users-role` (options `[data-option]`).
 */
export function UserFiltersBar({ filters, onChange, methods, roles }: { filters: UserFilters; onChange: (patch: Partial<UserFilters>) => void; methods: MethodView[]; roles: RoleView[] }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(filters.query);
  // the debounce follows the text only; onChange is a fresh closure on every render
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const timer = window.setTimeout(() => onChangeRef.current({ query: text.trim() }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <div className="users-toolbar">
      <Input
        {...domId('users-search')}
        className="users-toolbar__search"
        clearable
        value={text}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.searchPlaceholder')}
        onChange={(value) => setText(String(value))}
        onEnter={(value) => onChange({ query: String(value).trim() })}
      />
      <div id="users-status" className="users-toolbar__status" role="group" aria-label={t('users.col.status')}>
        <Radio.Group variant="default-filled" value={filters.status} onChange={(value) => onChange({ status: value as StatusFilter })}>
          {STATUS_FILTERS.map((value) => (
            <Radio.Button key={value} value={value} data-status={value}>
              {value === 'all' ? t('users.filter.all') : t(STATUS_LABEL[value])}
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>
      <AccountSelect id="users-account" value={filters.account} onChange={(account) => onChange({ account })} placeholder={t('users.filter.account')} />
      <div id="users-method" className="users-toolbar__select">
        <Select clearable value={filters.methodId} placeholder={t('users.filter.method')} onChange={(v) => onChange({ methodId: String(v ?? '') })}>
          <Select.Option value={MANUAL_METHOD_ID} label={t('users.method.manual')}>
            <span data-option={MANUAL_METHOD_ID}>{t('users.method.manual')}</span>
          </Select.Option>
          {methods.map((m) => (
            <Select.Option key={m.id} value={m.id} label={m.name}>
              <span data-option={m.id}>{m.name}</span>
            </Select.Option>
          ))}
        </Select>
      </div>
      <div id="users-role" className="users-toolbar__select">
        <Select clearable value={filters.roleId} placeholder={t('users.filter.role')} onChange={(v) => onChange({ roleId: String(v ?? '') })}>
          {roles.map((r) => (
            <Select.Option key={r.id} value={r.id} label={roleLabel(r, locale)}>
              <span data-option={r.id}>{roleLabel(r, locale)}</span>
            </Select.Option>
          ))}
        </Select>
      </div>
    </div>
  );
}
