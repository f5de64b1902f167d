import { useEffect, useState } from 'react';
import type { UserStatus } from '../../contracts';
import type { AccountOption } from '../../components/AccountSelect';
import { useRouteQuery } from '../../router';

export type StatusFilter = UserStatus | 'all';

export interface UserFilters {
  query: string;
  status: StatusFilter;
  account: AccountOption | null;
  methodId: string;
  roleId: string;
}

const STATUSES: readonly string[] = ['active', 'pending', 'disabled'];

/** The route may preset filters (the dashboard links to `#/users?status=pending`). */
function fromQuery(query: string): Partial<UserFilters> {
  const params = new URLSearchParams(query);
  const status = params.get('status');
  return status && STATUSES.includes(status) ? { status: status as UserStatus } : {};
}

export const NO_FILTERS: UserFilters = { query: '', status: 'all', account: null, methodId: '', roleId: '' };

export function useUserFilters(): [UserFilters, (patch: Partial<UserFilters>) => void] {
  const routeQuery = useRouteQuery();
  const [filters, setFilters] = useState<UserFilters>(() => ({ ...NO_FILTERS, ...fromQuery(routeQuery) }));
  useEffect(() => {
    const preset = fromQuery(routeQuery);
    if (preset.status) setFilters((prev) => ({ ...prev, ...preset }));
  }, [routeQuery]);
  return [filters, (patch) => setFilters((prev) => ({ ...prev, ...patch }))];
}
