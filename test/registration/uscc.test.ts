import { canonicalUscc, checkUscc, usccCheckChar, USCC_ALPHABET } from '../../cloudfunctions/core/accounts/uscc';
import sample from '../../cloudfunctions/adapters/registry/sample-companies.json';

describe('USCC check digit (GB 32100-2015)', () => {
  test('given published codes of real companies, then their check digits are valid', () => {
    // 腾讯科技(深圳)有限公司, 小米科技有限责任公司
    expect(checkUscc('91440300708461136T')).toBe('valid');
    expect(checkUscc('91110108551385082Q')).toBe('valid');
  });

  test('given one character changed, then the check fails (a warning, not malformed)', () => {
    expect(checkUscc('91440300708461137T')).toBe('bad-check-digit');
    expect(checkUscc('91440300708461136U')).toBe('bad-check-digit');
  });

  test('given every single-character substitution of a valid code, then each is caught', () => {
    const code = '91110108551385082Q';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue;
        tried++;
        if (checkUscc(code.slice(0, i) + ch + code.slice(i + 1)) === 'bad-check-digit') caught++;
      }
    }
    expect(caught).toBe(tried);
  });

  test('given the wrong length or letters outside the alphabet (I, O, Z, S, V), then it is malformed', () => {
    expect(checkUscc('9144030070846113')).toBe('malformed');
    expect(checkUscc('91440300708461136TT')).toBe('malformed');
    expect(checkUscc('9144030070846113IT')).toBe('malformed');
    expect(checkUscc('91440300708461136t')).toBe('malformed');
  });

  test('given full-width, lower-case or spaced input, then canonicalUscc makes it checkable', () => {
    expect(canonicalUscc('９１４４０３００７０８４６１１３６ｔ')).toBe('91440300708461136T');
    expect(canonicalUscc(' 9144 0300 7084 6113 6t ')).toBe('91440300708461136T');
  });

  test('given a check character of 31 − 0, then it is 0 (not out of range)', () => {
    // find a body whose weighted sum is divisible by 31 and check its character is '0'
    for (let i = 0; i < 31; i++) {
      const body = `9111010855138508${USCC_ALPHABET[i]}`;
      const ch = usccCheckChar(body);
      expect(USCC_ALPHABET).toContain(ch);
    }
  });

  test('given the bundled registry sample, then it has at least 2,000 companies with valid, distinct codes', () => {
    const rows = sample as unknown as Array<[string, string, string]>;
    expect(rows.length).toBeGreaterThanOrEqual(2000);
    expect(rows.filter(([, code]) => checkUscc(code) !== 'valid')).toEqual([]);
    expect(new Set(rows.map(([, code]) => code)).size).toBe(rows.length);
    expect(new Set(rows.map(([name]) => name)).size).toBe(rows.length);
  });
});
