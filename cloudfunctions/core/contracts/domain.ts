/** Wire shapes of the domain objects, as the mini program and the console see them. */

export type ObjectName = 'article' | 'device' | 'workOrder' | 'serviceRequest';
export type PermissionAction = 'read' | 'create' | 'update';
export type Scope = 'none' | 'public' | 'own' | 'account' | 'all';

export interface Permission {
  object: ObjectName;
  action: PermissionAction;
  scope: Scope;
}

export type UserStatus = 'active' | 'pending' | 'disabled';
export type UserKind = 'member' | 'guest';

export interface UserView {
  id: string;
  kind: UserKind;
  status: UserStatus;
  name: string;
  enterpriseId: string;
  accountId?: string;
  contactId?: string;
  roleIds: string[];
  mobile?: string;
  methodId?: string;
  createdAt: string;
}

export interface EnterpriseView {
  id: string;
  name: string;
  accountId?: string;
}

export interface AccountRef {
  id: string;
  name: string;
}

export interface ContactRef {
  id: string;
  name: string;
  mobile1?: string;
}

export type SessionState = 'member' | 'pending' | 'guest' | 'anonymous';
export type NextStep = 'none' | 'register' | 'sms-login' | 'blocked';

export interface SessionView {
  state: SessionState;
  user?: UserView;
  enterprise?: EnterpriseView;
  account?: AccountRef;
  contact?: ContactRef;
  roles: Array<{ id: string; name: string }>;
  permissions: Permission[];
  next: NextStep;
}

export interface ArticleView {
  id: string;
  title: string;
  summary: string;
  body: string;
  public: boolean;
  publishedAt: string;
}

export interface AdminView {
  id: string;
  username: string;
  displayName: string;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export type RegistrationMode = 'openid-auto' | 'form';
