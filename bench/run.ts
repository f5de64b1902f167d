import { resolve } from 'node:path';
import { printTable, type BenchRow } from './table';
import { weappSize } from './weapp-size';
import { loginOverHttp } from './login-http';
import { loginRoundTrips } from './round-trips';
import { recordsList } from './records-list';
import { functionsBench } from './functions';
import { duplicateCheck } from './duplicate-check';
import { sustainedLoad } from './load';
import { registrationBurst } from './bursts';

/** `npm run bench`: every figure is printed against a baseline measured in the same run. */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const only = process.argv[2];
  const sections: Array<[string, () => Promise<BenchRow[]> | BenchRow[]]> = [
    ['weapp', () => weappSize(root)],
    ['login', () => loginOverHttp(root)],
    ['roundtrips', () => loginRoundTrips()],
    ['records', () => recordsList()],
    ['functions', () => functionsBench(root)],
    ['duplicates', () => duplicateCheck()],
    ['load', () => sustainedLoad()],
    ['bursts', () => registrationBurst()],
  ];
  const rows: BenchRow[] = [];
  for (const [name, run] of sections) {
    if (only && only !== name) continue;
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await run()));
  }
  printTable(rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
