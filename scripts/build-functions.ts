/**
 * `npm run build:functions`: every cloudfunctions/functions/<name>/index.ts bundled into
 * dist/functions/<name>/ (see scripts/build/functions.ts), and cloudbaserc.json regenerated to match.
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildFunctions, FUNCTIONS_OUT } from './build/functions';
import { CLOUDBASERC, cloudbaserc } from './deploy/cloudbaserc';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const started = Date.now();
  const built = await buildFunctions({ root });
  for (const f of built) {
    const deps = Object.keys(f.dependencies);
    console.log(`  ${relative(root, f.dir)}/index.js  ${kib(f.bytes)}  ${f.packages.length} packages bundled, ${deps.length ? `external: ${deps.join(', ')}` : 'no runtime dependencies'}`);
    for (const w of f.warnings) console.warn(`    warning: ${w}`);
  }
  writeFileSync(join(root, CLOUDBASERC), cloudbaserc(built.map((f) => f.name)));
  console.log(`Built ${built.length} functions into ${FUNCTIONS_OUT}/ in ${((Date.now() - started) / 1000).toFixed(1)} s; ${CLOUDBASERC} updated.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
