import type { MatchKind, MatchReason } from './registration';

/** Wire shapes of Account clean-up (issue 16): the review queue and merging a duplicate into the Account kept. */

/** What moves from the merged Account to the kept one. */
export interface MergeCounts {
  contacts: number;
  users: number;
  enterprises: number;
  devices: number;
  workOrders: number;
  serviceRequests: number;
}

export interface MergeAccountSide {
  id: string;
  name: string;
  creditCode?: string;
  createdAt?: string;
}

/**
 * `credit-codes-differ`: both carry a USCC and they differ (two legal entities);
 * `names-different`: the matcher judges the names to be two companies;
 * `keep-is-newer`: the Account kept was created after the one merged away.
 */
export type MergeWarning = 'credit-codes-differ' | 'names-different' | 'keep-is-newer';

export interface MergePreview {
  keep: MergeAccountSide;
  merge: MergeAccountSide;
  moves: MergeCounts;
  /** how the names compare, in the matcher's words */
  kind: MatchKind;
  reasons: MatchReason[];
  warnings: MergeWarning[];
  /** a merge of this pair was started and not finished: merging resumes it */
  inProgress: boolean;
}

export interface MergeResult {
  keepId: string;
  mergeId: string;
  moved: MergeCounts;
  /** the merge had been started before (a crash, a retry, a second admin): this call finished or found it finished */
  resumed: boolean;
}

/** Why an Account is in the review queue. */
export type ReviewReason = 'possible-duplicate' | 'uscc-check-digit' | 'near-name-same-day' | 'duplicate-in-data';

export interface ReviewItem {
  id: string;
  name: string;
  createdAt: string;
  creditCode?: string;
  reasons: ReviewReason[];
  /** the Account it may duplicate, with how the names compare */
  candidate?: { id: string; name: string; kind: MatchKind; reasons: MatchReason[] };
}
