/** One row of the benchmark table: a measured value against a baseline measured in the same run. */
export interface BenchRow {
  area: string;
  metric: string;
  value: string;
  baseline: string;
  ratio: string;
  note?: string;
}

export const fmtBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
export const fmtRatio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(3)}×`);

export function printTable(rows: BenchRow[]): void {
  const headers = ['area', 'metric', 'value', 'baseline', 'ratio', 'note'] as const;
  const cells = rows.map((r) => headers.map((h) => r[h] ?? ''));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => '| ' + c.map((x, i) => x.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
}
