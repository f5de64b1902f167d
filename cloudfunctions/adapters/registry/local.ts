import type { CompanyRegistry, RegistryCompany, RegistryStatus } from '../../core/ports/registry';
import sample from './sample-companies.json';

type Row = [name: string, creditCode: string, status: RegistryStatus, legalRepresentative: string, establishedOn: string];

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s()（）]/g, '');

/**
 * The local registry: the bundled sample of synthetic companies (scripts/generate-registry-sample.ts), in
 * memory. A name search is a substring match over the folded names, exact and prefix hits first.
 */
export function sampleRegistry(rows: readonly Row[] = sample as Row[]): CompanyRegistry {
  const companies: RegistryCompany[] = rows.map(([name, creditCode, status, legalRepresentative, establishedOn]) => ({ name, creditCode, status, legalRepresentative, establishedOn }));
  const folded = companies.map((c) => fold(c.name));
  const byCode = new Map(companies.map((c) => [c.creditCode, c]));
  return {
    async search(query, limit) {
      const q = fold(query);
      if (!q) return [];
      const hits: Array<{ c: RegistryCompany; rank: number }> = [];
      folded.forEach((name, i) => {
        const at = name.indexOf(q);
        if (at >= 0) hits.push({ c: companies[i], rank: (name === q ? 0 : at === 0 ? 1 : 2) * 1000 + name.length });
      });
      return hits
        .sort((a, b) => a.rank - b.rank || (a.c.name < b.c.name ? -1 : 1))
        .slice(0, limit)
        .map((h) => ({ ...h.c }));
    },
    async byCreditCode(code) {
      const c = byCode.get(code);
      return c ? { ...c } : null;
    },
  };
}
