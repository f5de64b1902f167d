/**
 * The deployment as data: what `npm run deploy` will create or update on CloudBase, computed without
 * touching the network. `--dry-run` prints it; the executor (execute.ts) carries it out. The plan holds
 * variable NAMES and whether each is set, never a value: printing it cannot leak a secret.
 */
import { readFileSync } from 'node:fs';
import { wxpayConfigFromEnv } from '../../cloudfunctions/adapters/wxpay/config';
import { indexName } from '../../cloudfunctions/adapters/shared/store-guard';
import { COLLECTIONS, type CollectionDecl } from '../../cloudfunctions/core/schema/collections';
import { FUNCTIONS_OUT, type BundleResult } from '../build/functions';
import { ADMIN_PATH, PAY_NOTIFY_PATH, RUNTIME, settingsFor, type EnvVarSpec } from './functions';

type Env = Record<string, string | undefined>;

export interface PlannedEnvVar {
  name: string;
  required: boolean;
  secret: boolean;
  /** set: from the deployer's environment; derived: computed at deploy time; unset: left out */
  state: 'set' | 'derived' | 'unset' | 'missing';
  derivedFrom?: string;
  /** set from the file `<NAME>_FILE` names (PEMs), read at deploy time */
  fromFile?: true;
}

export interface PlannedTrigger {
  name: string;
  type: 'timer';
  /** SCF cron: second minute hour day month weekday year */
  config: string;
}

export interface PlannedFunction {
  name: string;
  /** the deploy folder, relative to the repository */
  dir: string;
  bytes: number;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  httpPath?: string;
  triggers: PlannedTrigger[];
  env: PlannedEnvVar[];
  /** false: no entry in scripts/deploy/functions.ts, defaults used */
  known: boolean;
}

export interface PlannedIndex {
  name: string;
  fields: string[];
  unique: boolean;
}

export interface PlannedCollection {
  name: string;
  /** CloudBase security rule: clients get nothing; only functions (admin SDK) read and write */
  permission: 'ADMINONLY';
  indexes: PlannedIndex[];
}

export interface DeployPlan {
  envId: string | null;
  functionRoot: string;
  database: PlannedCollection[];
  /** settings, built-in roles, seat counter, console admin (server/seed.ts seedEssentials) */
  essentials: { adminUser: string };
  functions: PlannedFunction[];
  access: Array<{ path: string; function: string }>;
  console: { localPath: string; cloudPath: string; adminEndpoint: string } | null;
  /** blocking: a real deploy stops before its first action */
  problems: string[];
  notes: string[];
}

/** Extra triggers per function (CloudBase timers). payNotify's sweep closes orders left unpaid. */
const TRIGGERS: Record<string, PlannedTrigger[]> = {
  payNotify: [{ name: 'pay-sweep', type: 'timer', config: '0 */5 * * * * *' }],
};

/** SCF documents a 4 KB cap on a function's environment variables (names and values together). */
export const ENV_BYTES_LIMIT = 4096;

export const CONSOLE_DIST = 'console/dist';
/** the console is built with base `/console/` (console/vite.config.ts) */
export const CONSOLE_CLOUD_PATH = 'console';

/** Stand-ins for what only the real environment knows; execute.ts replaces them. */
export const HTTP_DOMAIN = '<HTTP access domain>';
export const HOSTING_DOMAIN = '<static hosting domain>';

const present = (env: Env, name: string) => !!env[name]?.trim();

/** A PEM file's content as one line (`\n` escapes, which the pay adapter turns back into newlines). */
export const pemFileValue = (path: string) => readFileSync(path, 'utf8').trim().replace(/\r?\n/g, '\\n');

function envValueBytes(env: Env, v: PlannedEnvVar): number {
  if (!v.fromFile) return Buffer.byteLength(env[v.name] ?? '');
  try {
    return Buffer.byteLength(pemFileValue(env[`${v.name}_FILE`]!.trim()));
  } catch {
    return 0; // reported by the pay adapter's own check
  }
}

export function planCollections(decls: readonly CollectionDecl[] = COLLECTIONS): PlannedCollection[] {
  return decls.map((d) => ({
    name: d.name,
    permission: 'ADMINONLY',
    // the same names the SQLite adapter gives them: duplicate-key messages name the index (store-errors.ts)
    indexes: d.indexes.map((i) => ({ name: indexName(d.name, i), fields: [...i.fields], unique: i.unique === true })),
  }));
}

function planEnv(specs: EnvVarSpec[], env: Env, payConfigured: boolean): PlannedEnvVar[] {
  return specs.map((s) => {
    const base = { name: s.name, required: s.required, secret: s.secret };
    if (present(env, s.name)) return { ...base, state: 'set' };
    if (s.file && present(env, `${s.name}_FILE`)) return { ...base, state: 'set', fromFile: true };
    if (s.derived === 'pay-notify-url' && payConfigured) return { ...base, state: 'derived', derivedFrom: `https://${HTTP_DOMAIN}${PAY_NOTIFY_PATH}` };
    if (s.derived === 'console-origin') return { ...base, state: 'derived', derivedFrom: `https://${HOSTING_DOMAIN}` };
    return { ...base, state: s.required ? 'missing' : 'unset' };
  });
}

export interface PlanInput {
  env: Env;
  /** the functions as built (or bundled in memory for a dry run) */
  bundles: readonly BundleResult[];
  collections?: readonly CollectionDecl[];
  /** false: leave the console out (--skip-console) */
  console?: boolean;
}

export function makePlan(input: PlanInput): DeployPlan {
  const { env } = input;
  const problems: string[] = [];
  const notes: string[] = [];
  const envId = env['TCB_ENV_ID']?.trim() || null;
  if (!envId) problems.push('TCB_ENV_ID is not set (the CloudBase environment id)');
  if (!present(env, 'TENCENTCLOUD_SECRETID') || !present(env, 'TENCENTCLOUD_SECRETKEY')) {
    problems.push('TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY are not set (API key of an account allowed to manage the environment)');
  }
  const secret = env['HULIAN_SECRET']?.trim();
  if (secret && secret.length < 32) problems.push('HULIAN_SECRET must be at least 32 characters');
  const adminPassword = env['HULIAN_ADMIN_PASSWORD'] ?? '';
  if (!adminPassword) problems.push("HULIAN_ADMIN_PASSWORD is not set (the console admin's password; a deploy sets it)");
  else if (adminPassword.length < 12) problems.push('HULIAN_ADMIN_PASSWORD must be at least 12 characters');

  const payNames = ['WXPAY_MCHID', 'WXPAY_APPID', 'WXPAY_PRIVATE_KEY', 'WXPAY_CERT', 'WXPAY_APIV3_KEY', 'WXPAY_PLATFORM_CERT', 'WXPAY_PUBLIC_KEY'];
  const payStarted = payNames.some((n) => present(env, n) || present(env, `${n}_FILE`));
  let payConfigured = false;
  if (payStarted) {
    // the pay adapter's own rule; the notify URL is derived when unset, so stand in for it here
    const parsed = wxpayConfigFromEnv({ ...env, WXPAY_NOTIFY_URL: env['WXPAY_NOTIFY_URL'] || 'https://derived.invalid/pay/notify' });
    if ('missing' in parsed) problems.push(`WeChat Pay is partly configured; missing: ${parsed.missing.join(', ')}`);
    else payConfigured = true;
  } else {
    notes.push('WeChat Pay is not configured (WXPAY_*): licence purchases will answer pay/unavailable');
  }

  const functions: PlannedFunction[] = input.bundles.map((b) => {
    const { settings, known } = settingsFor(b.name);
    if (!known) notes.push(`function ${b.name} has no entry in scripts/deploy/functions.ts: deployed with the defaults`);
    const planned: PlannedFunction = {
      name: b.name,
      dir: `${FUNCTIONS_OUT}/${b.name}`,
      bytes: b.bytes,
      runtime: RUNTIME,
      handler: 'index.main',
      timeout: settings.timeout,
      memorySize: settings.memorySize,
      installDependency: Object.keys(b.dependencies).length > 0,
      ...(settings.httpPath ? { httpPath: settings.httpPath } : {}),
      triggers: TRIGGERS[b.name] ?? [],
      env: planEnv(settings.env, env, payConfigured),
      known,
    };
    const envBytes = planned.env.filter((v) => v.state === 'set').reduce((n, v) => n + v.name.length + envValueBytes(env, v), 0);
    // not a blocking problem: CloudBase itself refuses if the cap applies to this environment
    if (envBytes > ENV_BYTES_LIMIT) notes.push(`function ${b.name}: its environment variables take about ${envBytes} bytes; SCF documents a ${ENV_BYTES_LIMIT}-byte cap`);
    return planned;
  });
  const missing = [...new Set(functions.flatMap((f) => f.env.filter((v) => v.state === 'missing').map((v) => v.name)))];
  if (missing.length) problems.push(`required variables not set: ${missing.join(', ')}`);

  const access = functions.filter((f) => f.httpPath).map((f) => ({ path: f.httpPath!, function: f.name }));
  const adminEndpoint = env['HULIAN_ADMIN_ENDPOINT']?.trim() || `https://${HTTP_DOMAIN}${ADMIN_PATH}`;
  return {
    envId,
    functionRoot: FUNCTIONS_OUT,
    database: planCollections(input.collections),
    essentials: { adminUser: env['HULIAN_ADMIN_USER']?.trim() || 'admin' },
    functions,
    access,
    console: input.console === false ? null : { localPath: CONSOLE_DIST, cloudPath: CONSOLE_CLOUD_PATH, adminEndpoint },
    problems,
    notes,
  };
}
