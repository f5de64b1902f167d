import { useEffect, useMemo, useState } from 'react';
import { Select } from 'tdesign-react/es/select';
import type { AccountView } from '../contracts';
import { useI18n } from '../i18n';
import { adminCall } from '../services/admin';

const SEARCH_DEBOUNCE_MS = 300;

export interface AccountOption {
  id: string;
  name: string;
}

/**
 * One Account, searched by name prefix (`accounts.list {query}`) as the admin types. The chosen Account
 * stays in the list even when the current search no longer returns it, so its name (not its id) shows.
 * Option texts are `[data-option="<account id>"]`; the wrapper gets `id`.
 */
export function AccountSelect({
  id,
  value,
  onChange,
  placeholder,
  disabled,
  clearable = true,
}: {
  id: string;
  value: AccountOption | null;
  onChange: (account: AccountOption | null) => void;
  placeholder?: string;
  disabled?: boolean;
  clearable?: boolean;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<AccountView[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      setLoading(true);
      const query = search.trim();
      adminCall('accounts.list', { ...(query ? { query } : {}), limit: 20 })
        .then((page) => live && setFound(page.items))
        .catch(() => live && setFound([]))
        .finally(() => live && setLoading(false));
    }, search ? SEARCH_DEBOUNCE_MS : 0);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search]);

  const options = useMemo(() => {
    const list: AccountOption[] = found.map((a) => ({ id: a.id, name: a.name }));
    if (value && !list.some((a) => a.id === value.id)) list.unshift(value);
    return list;
  }, [found, value]);

  return (
    <div id={id} className="account-select">
      <Select
        filterable
        clearable={clearable}
        disabled={disabled}
        loading={loading}
        value={value?.id ?? ''}
        placeholder={placeholder ?? t('common.chooseAccount')}
        // the server filters by prefix; TDesign must not filter the answer again
        filter={() => true}
        onSearch={(words) => setSearch(words)}
        onChange={(next) => {
          const chosen = options.find((a) => a.id === next);
          onChange(chosen ?? null);
          setSearch('');
        }}
        empty={loading ? t('app.loading') : t('common.noMatch')}
      >
        {options.map((a) => (
          <Select.Option key={a.id} value={a.id} label={a.name}>
            <span data-option={a.id}>{a.name}</span>
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}
