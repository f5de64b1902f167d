/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, Z, S, V); the last one is a check character over the
 * first 17 with weights 3^i mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** `malformed`: not 18 characters of the alphabet (refused); `bad-check-digit`: well-formed, but the check fails. */
export type UsccVerdict = 'valid' | 'bad-check-digit' | 'malformed';

/** Upper-case, half-width, no spaces: how people type codes and how they are stored. */
export function canonicalUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error('not a USCC character');
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Judges a canonical code. A bad check digit is a warning, not a rejection: some legitimately issued
 * early codes fail it, so callers flag the record for review instead.
 */
export function checkUscc(code: string): UsccVerdict {
  if (!SHAPE.test(code)) return 'malformed';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? 'valid' : 'bad-check-digit';
}
