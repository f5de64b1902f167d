import type { AppKind, RegistrationMode, UserStatus, UserView } from './domain';

/** Wire shapes of self-registration: the `registration` function and the console's `methods.*`. */

export type FieldType = 'text' | 'phone' | 'select' | 'textarea' | 'date' | 'email' | 'number';
export type DuplicateCheck = 'exact' | 'fuzzy';
export type NewAccountRule = 'user-defined' | 'select-existing' | 'registry';
export type OwnerAssignment = 'single' | 'round-robin';

export interface FieldOption {
  value: string;
  label: string;
}

/** One form field as the mini program renders it (labels already in the caller's language). */
export interface Field {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: FieldOption[];
  /** a regular expression the whole value must match (checked on both sides) */
  pattern?: string;
  maxLength?: number;
}

/** A field of a method's layout, as the console edits it. */
export interface FieldLayout {
  name: string;
  label: string;
  labelEn?: string;
  type: FieldType;
  required: boolean;
  options?: Array<FieldOption & { labelEn?: string }>;
  pattern?: string;
  maxLength?: number;
}

export interface MethodAccountSettings {
  recordType: string;
  fields: FieldLayout[];
  showOnlyRequired: boolean;
  ownerAssignment: OwnerAssignment;
  /** one owner for `single`; the rotation for `round-robin` */
  owners: string[];
  duplicateCheck: DuplicateCheck;
  newAccountRule: NewAccountRule;
}

export interface MethodContactSettings {
  recordType: string;
  /** the login mobile is always asked and written to `mobile1`; it is not part of the layout */
  fields: FieldLayout[];
}

export interface MethodView {
  id: string;
  name: string;
  appId: string;
  /** the app is a mini program or an Official Account (its web portal logs in by OAuth); default mini program */
  appKind: AppKind;
  enabled: boolean;
  mode: RegistrationMode;
  roleIds: string[];
  account: MethodAccountSettings;
  contact: MethodContactSettings;
  createdAt: string;
  updatedAt?: string;
}

export interface MethodInput {
  name: string;
  appId: string;
  appKind?: AppKind;
  enabled?: boolean;
  mode: RegistrationMode;
  roleIds?: string[];
  account?: Partial<MethodAccountSettings>;
  contact?: Partial<MethodContactSettings>;
}

/** `methods.update`: every part optional; `account`/`contact` are merged into the stored settings. */
export type MethodPatch = { id: string } & Partial<MethodInput>;

export interface RegistrationForm {
  methodId: string;
  mode: RegistrationMode;
  accountRule: NewAccountRule;
  duplicateCheck: DuplicateCheck;
  showOnlyRequired: boolean;
  fields: { account: Field[]; contact: Field[] };
  /** what the registrant agrees to; `version` goes back in `consent.termsVersion` */
  terms: { version: string; url: string; privacyUrl: string };
}

export interface Consent {
  /** explicit agreement to the service terms and the privacy policy */
  agreed: true;
  termsVersion: string;
}

export type AccountMatchKind = 'exact' | 'fuzzy' | 'credit-code' | 'mobile' | 'new';

export interface RegistrySummary {
  name: string;
  creditCode: string;
  /** `active` (存续/在业) or not: `revoked` (吊销), `cancelled` (注销) */
  status: 'active' | 'revoked' | 'cancelled';
}

export interface SubmitRegistrationIn {
  /** the layout's fields (`user-defined`), an existing Account (`select-existing`) or a registry code (`registry`) */
  account: Record<string, string> | { id: string } | { creditCode: string };
  /** the layout's fields plus `mobile1`, the login mobile */
  contact: Record<string, string>;
  /** a `register` SMS code for `mobile1`; not needed after `auth.bindPhone` verified that number */
  smsCode?: string;
  /** "yes, that is my company" to the candidate `checkAccountName` (or `registration/confirm-candidate`) offered */
  confirmCandidateId?: string;
  /** "no, not my company": a new Account is created and flagged as a possible duplicate of it */
  declinedCandidateId?: string;
  consent: Consent;
}

export interface SubmitRegistrationOut {
  state: 'member' | 'pending';
  user: UserView;
  account: { id: string; name: string; matched: AccountMatchKind };
  /** joined an existing Account without proof of membership: own data only until an admin approves */
  pendingApproval: boolean;
}

/** What a pending user asked to join (shown in the console's approval queue). */
export interface JoinRequestView {
  accountId: string;
  accountName: string;
  matched: AccountMatchKind;
  contactName: string;
  mobile: string;
  requestedAt: string;
  /** the company name the applicant typed (absent when they picked the Account from a list) */
  typedName?: string;
  /** the USCC the applicant typed, when given */
  typedCreditCode?: string;
  /** why a fuzzy match matched, in the matcher's codes */
  reasons?: MatchReason[];
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  creditCode?: string;
  /** 1 for the same normalised name or USCC */
  score: number;
  reason: 'exact' | 'credit-code' | 'fuzzy';
  /** the matcher's judgement of the two names */
  kind: MatchKind;
  /** why, in codes the console localises: what matched, then what differs */
  reasons: MatchReason[];
  /** what a registrant typing this name would be offered ("Is this your company?") */
  offered: boolean;
}

/**
 * How a typed company name relates to an existing Account's (issue 16): `exact` (same normalised name,
 * joined without asking), `variant` (same company written otherwise) and `typo` are offered to the
 * registrant; `related` (a branch, the group, another legal form) and `different` only listed for admins.
 */
export type MatchKind = 'exact' | 'variant' | 'typo' | 'related' | 'different';

/** The slip a typo is: 星晨/星辰 `homophone`, 己/已 `look-alike`, Acne/Acme `keyboard`, … */
export type TypoHow = 'homophone' | 'look-alike' | 'keyboard' | 'transposed' | 'doubled' | 'dropped' | 'extra';

/** One piece of evidence, with the words it is about (`typed`: the name entered; `existing`: the Account's). */
export type MatchReason =
  | { code: 'same-name' }
  | { code: 'same-brand'; words: string }
  | { code: 'typo'; typed: string; existing: string; how: TypoHow }
  | { code: 'abbreviation'; typed: string; existing: string }
  | { code: 'region-missing'; region: string }
  | { code: 'region-wider'; typed: string; existing: string }
  | { code: 'region-differs'; typed: string; existing: string }
  | { code: 'legal-form-missing' }
  | { code: 'legal-form-differs'; typed: string; existing: string }
  | { code: 'words-missing'; words: string }
  | { code: 'words-extra'; words: string }
  | { code: 'industry-differs'; typed: string; existing: string }
  | { code: 'brand-differs'; typed: string; existing: string }
  | { code: 'group-of'; words: string }
  | { code: 'branch-of'; branch: string }
  | { code: 'branches-differ'; typed: string; existing: string }
  | { code: 'credit-code'; creditCode: string };

/** `registration.checkAccountName`: the Account `submit` would match, and why; `typed` is the registrant's own text, kept. */
export interface AccountNameCheck {
  match: 'exact' | 'fuzzy' | 'none';
  candidate?: { id: string; name: string; kind: MatchKind; reasons: MatchReason[] };
  typed: string;
}

export interface ApprovalResult {
  userId: string;
  status: UserStatus;
  accountId?: string;
  contactId?: string;
  /** rejected: the user this registration created is gone (the person may register again) */
  removed?: boolean;
}
