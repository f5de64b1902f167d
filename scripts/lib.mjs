import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

/** Runs an npm script or binary from node_modules/.bin, inheriting output; exits on failure. */
export function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${secs} s)`);
}

export const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (folders or files). */
export function stale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((p) => (existsSync(p) && statSync(p).isDirectory() ? newestMtime(p) : existsSync(p) ? statSync(p).mtimeMs : 0) > built);
}

export function ensureBuilds({ force = false } = {}) {
  const h5Inputs = ['src', 'config', 'babel.config.js', 'cloudfunctions/core/contracts'].map((p) => join(ROOT, p));
  if (force || stale(join(ROOT, 'dist/h5/index.html'), h5Inputs)) run('build the h5 mini program', bin('taro'), ['build', '--type', 'h5']);
  const consoleInputs = ['console/src', 'console/index.html', 'console/vite.config.ts', 'cloudfunctions/core/contracts'].map((p) => join(ROOT, p));
  if (force || stale(join(ROOT, 'console/dist/index.html'), consoleInputs)) run('build the console', bin('vite'), ['build', '--config', 'console/vite.config.ts', '--logLevel', 'warn']);
}
