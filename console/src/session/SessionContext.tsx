import { createContext, useContext } from 'react';
import type { AdminView } from '../contracts';

export interface Session {
  admin: AdminView;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
