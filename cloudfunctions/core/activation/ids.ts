/**
 * Deterministic ids of what manual activation creates: one Interconnection Enterprise per Account and
 * one user per Contact. Activating twice — or twice at the same time — lands on the same documents.
 * Other ways of creating users for a Contact should use the same id, so "one user per Contact" holds
 * across methods.
 */
export const activatedEnterpriseId = (accountId: string): string => `ent_acc_${accountId}`;
export const activatedUserId = (contactId: string): string => `usr_con_${contactId}`;
