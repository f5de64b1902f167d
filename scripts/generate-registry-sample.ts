/**
 * Writes the local registry provider's bundled sample: `npx tsx scripts/generate-registry-sample.ts`.
 * Deterministic: running it again reproduces the committed file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { prng, syntheticCompanies, syntheticUscc, type SyntheticCompany } from './lib/synthetic-companies';

const COUNT = 2400;
const SEED = 20261128;
const OUT = resolve(__dirname, '../cloudfunctions/adapters/registry/sample-companies.json');

/** Companies the demo data and the tests refer to by name, listed first with fixed codes. */
const rnd = prng(7);
const fixed = (name: string, division: string, status: SyntheticCompany['status'] = 'active'): SyntheticCompany => ({
  name,
  creditCode: syntheticUscc(rnd, division),
  status,
  legalRepresentative: '张伟',
  establishedOn: '2012-05-18',
});
const FIXED = [
  fixed('杭州星辰科技有限公司', '330100'),
  fixed('苏州恒泰精密机械股份有限公司', '320500'),
  fixed('深圳市蓝海医疗器械有限公司', '440300'),
  fixed('杭州云帆智能装备有限公司', '330100'),
  fixed('宁波远航物流有限公司', '330200'),
  fixed('南京启明软件有限公司', '320100', 'cancelled'),
  fixed('成都天工新材料有限公司', '510100', 'revoked'),
];

const companies = syntheticCompanies(COUNT, SEED, FIXED);
// Compact rows: [name, creditCode, status, legalRepresentative, establishedOn]
const rows = companies.map((c) => [c.name, c.creditCode, c.status, c.legalRepresentative, c.establishedOn]);
writeFileSync(OUT, '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');
console.log(`wrote ${rows.length} companies to ${OUT}`);
