/**
 * A business registry (工商登记): official company names with their unified social credit codes, for the
 * `registry` new-Account rule. Locally a bundled sample of synthetic companies; in production an HTTP
 * provider configured by environment variables.
 */
export type RegistryStatus = 'active' | 'revoked' | 'cancelled';

export interface RegistryCompany {
  name: string;
  /** 18 characters, canonical (upper case) */
  creditCode: string;
  /** `active`: 存续/在业; `revoked`: 吊销; `cancelled`: 注销 */
  status: RegistryStatus;
  legalRepresentative?: string;
  establishedOn?: string;
}

export interface CompanyRegistry {
  /** companies whose names contain the query, best first; `registry/unavailable` when it cannot be reached */
  search(query: string, limit: number): Promise<RegistryCompany[]>;
  /** the company with this code, or null */
  byCreditCode(code: string): Promise<RegistryCompany | null>;
}
