import type { Scope } from '../contracts/domain';
import type { Where } from '../ports';
import type { Principal } from '../identity/principal';

/**
 * Turns a scope into store conditions, so the store only ever returns what the caller may see (never
 * fetch-then-filter). `null` means nothing is visible.
 */
export function scopeWhere(scope: Scope, principal: Principal): Where | null {
  const user = principal.user;
  switch (scope) {
    case 'none':
      return null;
    case 'public':
      return { public: true };
    case 'own':
      // A guest never reads back what it created: everything guests create is shared by one record.
      if (!user || principal.kind === 'guest') return null;
      return { created_by: user._id };
    case 'account':
      if (!user || principal.kind === 'guest') return null;
      return user.account_id ? { account_id: user.account_id } : { created_by: user._id };
    case 'all':
      return {};
  }
}
