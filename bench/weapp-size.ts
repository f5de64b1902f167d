import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fmtBytes, fmtRatio, type BenchRow } from './table';

const MAIN_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? files(f) : [f];
  });
}

/** Builds the weapp and measures the main package (everything outside subpackage roots) and the total. */
export function weappSize(root: string): BenchRow[] {
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    const r = spawnSync(join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error('weapp build failed');
  }
  const out = join(root, 'dist/weapp');
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, '') + sep);
  let main = 0;
  let total = 0;
  for (const f of files(out)) {
    if (f.endsWith('.map')) continue;
    const size = statSync(f).size;
    total += size;
    if (!subRoots.some((r) => relative(out, f).startsWith(r))) main += size;
  }
  return [
    { area: 'weapp', metric: 'main package bytes', value: fmtBytes(main), baseline: `WeChat limit ${fmtBytes(MAIN_LIMIT)}`, ratio: fmtRatio(main, MAIN_LIMIT), note: `${main} B` },
    { area: 'weapp', metric: 'total bytes', value: fmtBytes(total), baseline: `WeChat limit ${fmtBytes(TOTAL_LIMIT)}`, ratio: fmtRatio(total, TOTAL_LIMIT), note: `${total} B, ${subRoots.length} subpackage(s)` },
  ];
}
