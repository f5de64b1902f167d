import { normaliseCompanyName } from '../../cloudfunctions/core/accounts/company-name';
import { FUZZY_THRESHOLD, scoreNames } from '../../cloudfunctions/core/accounts/name-similarity';
import { NAME_PAIRS } from './fixtures/name-pairs';

/**
 * Precision and recall of the duplicate check over the labelled pairs. A pair is predicted "same" when the
 * normalised keys are equal (joined without asking — exact) or the fuzzy score reaches the threshold
 * (offered to the registrant to confirm).
 */
describe('duplicate check over labelled company-name pairs', () => {
  const judged = NAME_PAIRS.map((p) => {
    const a = normaliseCompanyName(p.a);
    const b = normaliseCompanyName(p.b);
    const exact = a.key === b.key;
    const score = scoreNames(a, b);
    return { ...p, exact, score, predicted: exact || score >= FUZZY_THRESHOLD };
  });

  test('given at least 200 pairs of every kind, then the set is large and balanced enough to mean something', () => {
    expect(NAME_PAIRS.length).toBeGreaterThanOrEqual(200);
    expect(NAME_PAIRS.filter((p) => p.same).length).toBeGreaterThan(80);
    expect(NAME_PAIRS.filter((p) => !p.same).length).toBeGreaterThan(80);
  });

  test('given pairs of different companies, then none shares a normalised key (no false auto-join)', () => {
    expect(judged.filter((p) => !p.same && p.exact).map((p) => `${p.a} | ${p.b}`)).toEqual([]);
  });

  test('given the whole set, then the fuzzy matcher reaches precision and recall of at least 0.95', () => {
    const tp = judged.filter((p) => p.same && p.predicted).length;
    const fp = judged.filter((p) => !p.same && p.predicted).length;
    const fn = judged.filter((p) => p.same && !p.predicted).length;
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const misses = judged.filter((p) => p.same !== p.predicted).map((p) => `${p.kind}: ${p.a} | ${p.b} → ${p.score.toFixed(3)}`);
    // The figures go to the test log (and the report); the assertions keep them from sliding back.
    console.log(`name pairs: ${judged.length}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})\n${misses.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  test('given other cities, branches and other brands, then no such pair even reaches the fuzzy threshold', () => {
    const strict = judged.filter((p) => ['other-city', 'branch-vs-head', 'two-branches', 'other-brand'].includes(p.kind));
    expect(strict.filter((p) => p.predicted).map((p) => `${p.a} | ${p.b}`)).toEqual([]);
  });
});
