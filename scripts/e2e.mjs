// The browser end-to-end suite: fresh builds of the h5 app and the console, then jest's e2e project,
// which starts real runtime processes and drives Debian's chromium through playwright-core.
import { existsSync } from 'node:fs';
import { bin, ensureBuilds, run } from './lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n  The browser end-to-end suite needs Debian's chromium at ${chromium}.\n  Install it:   sudo apt-get update && sudo apt-get install -y chromium\n  (.ci/run does this.) Or point CHROMIUM_PATH at a Chromium binary.\n  Set HULIAN_SKIP_E2E=1 to run everything else without it.\n${line}\n`);
  process.exit(process.env.HULIAN_SKIP_E2E === '1' ? 0 : 1);
}
ensureBuilds({ force: process.env.CI === 'true' });
run('jest: e2e in chromium', bin('jest'), ['--selectProjects', 'e2e', '--runInBand', '--ci', '--forceExit']);
