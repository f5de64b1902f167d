import type { AdminView, ArticleView, ObjectName, Page, SessionView, UserView } from './domain';

/** Every deployed function and the actions it answers. Request `data` → response `data`. */
export interface AuthActions {
  login: { in: Record<string, never>; out: SessionView };
  me: { in: Record<string, never>; out: SessionView };
  loginAsGuest: { in: Record<string, never>; out: SessionView };
  sendSmsCode: { in: { phone: string; purpose: 'login' | 'bind' | 'register' }; out: { retryAfterSeconds: number } };
}

export interface RecordsActions {
  list: { in: { object: ObjectName; filter?: Record<string, string | number | boolean>; cursor?: string; limit?: number }; out: Page<ArticleView | Record<string, unknown>> };
  get: { in: { object: ObjectName; id: string }; out: ArticleView | Record<string, unknown> };
}

export interface AdminUsersListIn {
  query?: string;
  status?: 'active' | 'pending' | 'disabled';
  cursor?: string;
  limit?: number;
}

/** Console sign-in. */
export interface AdminSessionActions {
  login: { in: { username: string; password: string }; out: { token: string; admin: AdminView; expiresAt: string } };
  me: { in: Record<string, never>; out: AdminView };
}

/** Terminal users. */
export interface AdminUsersActions {
  'users.list': { in: AdminUsersListIn; out: Page<UserView & { enterpriseName: string }> };
}

/**
 * The `admin` function's actions: one interface per area (add an area's interface here), so areas can
 * grow without touching each other.
 */
export type AdminActions = AdminSessionActions & AdminUsersActions;

export interface FunctionActions {
  auth: AuthActions;
  records: RecordsActions;
  admin: AdminActions;
}

export type FunctionName = keyof FunctionActions;
export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string;
export type ActionIn<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends { in: infer I } ? I : never;
export type ActionOut<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends { out: infer O } ? O : never;
