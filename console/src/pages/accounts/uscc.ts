/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter alphabet
 * (no I, O, S, V, Z), the last a check character over the first 17. Checked here too so the form warns
 * as the admin types; the server judges again (`accounts.findDuplicates` → `creditCodeCheck`). A failed
 * check is a warning, never a block: some early codes fail it legally (DESIGN §3).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = 'valid' | 'bad-check-digit' | 'malformed';

/** What the server stores: upper case, without spaces and dashes. */
export const normaliseCreditCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18 || [...code].some((ch) => !ALPHABET.includes(ch))) return 'malformed';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + ALPHABET.indexOf(code[i]!) * w, 0);
  const expected = ALPHABET[(31 - (sum % 31)) % 31];
  return code[17] === expected ? 'valid' : 'bad-check-digit';
}
