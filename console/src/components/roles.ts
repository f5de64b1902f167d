import { useCallback, useEffect, useState } from 'react';
import type { Locale, RoleView } from '../contracts';
import { adminCall } from '../services/admin';

/** A role's name in the console's language (English names are optional). */
export function roleLabel(role: Pick<RoleView, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && role.nameEn ? role.nameEn : role.name;
}

/** The built-in role most people get (core/access TERMINAL_USER_ROLE_ID); pickers preselect it when it exists. */
export const DEFAULT_ROLE_ID = 'terminal-user';

/** Roles an admin may hand out: everything but the built-in Guest role (immutable, guests only). */
export const assignable = (role: RoleView) => !role.immutable;

/** `roles.list` for pickers and labels; `error` stays null while a picker can still be used empty. */
export function useRoles(): { roles: RoleView[]; error: unknown; loading: boolean; reload: () => void } {
  const [roles, setRoles] = useState<RoleView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    adminCall('roles.list', {})
      .then((out) => live && (setRoles(out.items), setError(null)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { roles, error, loading, reload };
}
