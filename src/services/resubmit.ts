/** Where a rejected person's earlier answers wait for the registration form to pick them up (storage key). */
export const RESUBMIT_KEY = 'hulian.resubmit';

export interface EarlierAnswers {
  accountName?: string;
  contactName?: string;
  mobile?: string;
}
