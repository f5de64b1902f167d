/**
 * `npm run deploy` — Hulian onto a CloudBase environment:
 *   1. database: every collection and index of core/schema/collections.ts (the declaration SQLite uses),
 *      unique ones included, each collection closed to clients (ADMINONLY);
 *   2. essentials: settings, built-in roles, seat counter, console admin (server/seed.ts);
 *   3. functions: the bundles of dist/functions with their timeouts and environment variables;
 *   3b. secrets: values too large for variables (WeChat Pay PEMs) into the ADMINONLY `secrets` collection;
 *   4. HTTP access routes on the custom domain (HULIAN_HTTP_DOMAIN): /admin (console) and /pay/notify
 *      (WeChat Pay), through the HTTP access service; the console's hosting domain as a safe domain;
 *   5. console: built against the admin path and uploaded to static hosting under /console/.
 * A real deploy first checks the plan and the environment (preflight.ts) and changes nothing on a problem.
 *
 *   npm run deploy -- --dry-run        print every action, change nothing (no network, no files written)
 *   npm run deploy -- --dry-run --json the same plan as JSON
 *   npm run deploy -- --skip-console   leave static hosting alone
 *
 * TCB_ENV_ID, the deployer's TENCENTCLOUD_SECRETID/SECRETKEY[/SESSIONTOKEN] and every function variable
 * come from the environment only (README "Deploy to CloudBase"). Values are never printed.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunctions } from './build/functions';
import { CLOUDBASERC, cloudbaserc } from './deploy/cloudbaserc';
import { describePlan } from './deploy/describe';
import { seedEssentialsOnCloudbase, writeSecretsOnCloudbase } from './deploy/essentials';
import { executePlan } from './deploy/execute';
import { loadManager } from './deploy/manager';
import { makePlan } from './deploy/plan';

async function main(argv: string[]): Promise<number> {
  const known = new Set(['--dry-run', '--json', '--skip-console']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length) {
    console.error(`unknown option(s): ${unknown.join(' ')} (known: ${[...known].join(' ')})`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  const root = resolve(__dirname, '..');
  const env = process.env;

  // a dry run bundles in memory: the plan reflects the current sources and nothing is written
  const bundles = await buildFunctions({ root, write: !dryRun });
  if (!dryRun) writeFileSync(join(root, CLOUDBASERC), cloudbaserc(bundles.map((b) => b.name)));
  const plan = makePlan({ env, bundles, console: !argv.includes('--skip-console') });

  if (argv.includes('--json')) console.log(JSON.stringify(plan, null, 2));
  else for (const line of describePlan(plan)) console.log(line);
  if (dryRun) {
    console.error(`dry run: nothing was changed${plan.problems.length ? `; a real deploy would stop on ${plan.problems.length} problem(s)` : ''}`);
    return 0;
  }
  if (plan.problems.length) return 1;

  const target = { envId: plan.envId!, secretId: env['TENCENTCLOUD_SECRETID']!, secretKey: env['TENCENTCLOUD_SECRETKEY']!, sessionToken: env['TENCENTCLOUD_SESSIONTOKEN'] };
  await executePlan(plan, loadManager(env), {
    root,
    env,
    log: (line) => console.log(`✔ ${line}`),
    writeSecrets: (values) => writeSecretsOnCloudbase(target, values),
    seedEssentials: (adminUser) =>
      seedEssentialsOnCloudbase({
        ...target,
        secret: env['HULIAN_SECRET']!.trim(),
        adminUser,
        adminPassword: env['HULIAN_ADMIN_PASSWORD']!,
      }),
    async buildConsole(endpoint) {
      const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...env, VITE_ADMIN_ENDPOINT: endpoint },
      });
      if (r.status !== 0) throw new Error('the console build failed');
    },
  });
  console.log('Deployed.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
