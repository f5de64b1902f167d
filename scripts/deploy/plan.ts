/**
 * The deployment as data: what `npm run deploy` will create or update on CloudBase, computed without
 * touching the network. `--dry-run` prints it; the executor (execute.ts) carries it out. The plan holds
 * variable NAMES, whether each is set and the bytes its value takes, never a value: printing it cannot
 * leak a secret. Its shape is API.md "Deploy plan".
 */
import { readFileSync } from 'node:fs';
import { wxpayConfigFromEnv } from '../../cloudfunctions/adapters/wxpay/config';
import { indexName } from '../../cloudfunctions/adapters/shared/store-guard';
import { COLLECTIONS, type CollectionDecl } from '../../cloudfunctions/core/schema/collections';
import { FUNCTIONS_OUT, type BundleResult } from '../build/functions';
import { SECRETS_COLLECTION } from '../../cloudfunctions/adapters/cloudbase/secrets';
import { OA_DEPLOY } from '../../cloudfunctions/adapters/wechat/oa-config';
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
  /** bytes the value takes (0 when unset; an upper estimate while a derived domain is unknown) */
  bytes: number;
}

/** A value too large for a variable: written to the `secrets` collection, read by the functions at run time. */
export interface PlannedSecret {
  name: string;
  bytes: number;
  fromFile?: true;
  /** the functions whose code reads it */
  functions: string[];
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
  /** the variables it gets; an update REPLACES the function's whole set, so this is all of them */
  env: PlannedEnvVar[];
  /** names and values of every variable set, as SCF counts them against its 4 KB cap */
  envBytes: number;
  /** WeChat open APIs it may call (its config.json `permissions.openapi`) */
  openapi: string[];
  /** names it reads from the `secrets` collection */
  secrets: string[];
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

/** The manager-node call that creates an HTTP access route (the HTTP access service, not the gateway API). */
export const ROUTE_API = 'env.createHttpServiceRoute';

export interface PlannedRoute {
  path: string;
  function: string;
  api: typeof ROUTE_API;
  /** CloudBase checks the caller's Origin against the safe domains (the console's hosting domain) */
  safeDomain: boolean;
}

export interface DeployPlan {
  envId: string | null;
  functionRoot: string;
  database: PlannedCollection[];
  /** settings, built-in roles, seat counter, console admin (server/seed.ts seedEssentials) */
  essentials: { adminUser: string };
  secrets: PlannedSecret[];
  functions: PlannedFunction[];
  /** the custom domain the routes live on (the default HTTP domain is for testing only) */
  http: { domain: string | null; certId: string | null };
  access: PlannedRoute[];
  /** the one list of browser origins: CORS of `admin` (HULIAN_CONSOLE_ORIGINS) and the environment's safe domains */
  consoleOrigins: string[];
  console: { localPath: string; cloudPath: string; adminEndpoint: string } | null;
  /** blocking: a real deploy stops before its first action */
  problems: string[];
  notes: string[];
}

/** Extra triggers per function (CloudBase timers). payNotify's sweep closes orders left unpaid. */
const TRIGGERS: Record<string, PlannedTrigger[]> = {
  payNotify: [{ name: 'pay-sweep', type: 'timer', config: '0 */5 * * * * *' }],
};

/** SCF caps a function's environment variables at 4 KB, names and values together. */
export const ENV_BYTES_LIMIT = 4096;

export const CONSOLE_DIST = 'console/dist';
/** the console is built with base `/console/` (console/vite.config.ts) */
export const CONSOLE_CLOUD_PATH = 'console';

/** Stand-in for what only the real environment knows; execute.ts replaces it. */
export const HOSTING_DOMAIN = '<static hosting domain>';
/** what a hosting domain may take (`<env>-<id>.tcloudbaseapp.com` is ~45): the plan's size estimate */
const HOSTING_DOMAIN_MAX_BYTES = 64;

const present = (env: Env, name: string) => !!env[name]?.trim();

/** A PEM file's content as one line (`\n` escapes, which the pay adapter turns back into newlines). */
export const pemFileValue = (path: string) => readFileSync(path, 'utf8').trim().replace(/\r?\n/g, '\\n');

/** The value a variable or secret takes, read from the deployer's environment (or the file it names). */
export function deployValue(env: Env, name: string, fromFile?: true): string | undefined {
  if (fromFile) return pemFileValue(env[`${name}_FILE`]!.trim());
  return env[name]?.trim() || undefined;
}

const sizeOf = (env: Env, name: string, fromFile?: true): number => {
  try {
    return Buffer.byteLength(deployValue(env, name, fromFile) ?? '');
  } catch {
    return 0; // an unreadable file: reported by the pay adapter's own check
  }
};

/** The secrets collection: like every other, closed to clients; only the functions' admin SDK reads it. */
export function planCollections(decls: readonly CollectionDecl[] = COLLECTIONS): PlannedCollection[] {
  const all = [...decls, ...(decls.some((d) => d.name === SECRETS_COLLECTION) ? [] : [{ name: SECRETS_COLLECTION, indexes: [] }])];
  return all.map((d) => ({
    name: d.name,
    permission: 'ADMINONLY',
    // the same names the SQLite adapter gives them: duplicate-key messages name the index (store-errors.ts)
    indexes: d.indexes.map((i) => ({ name: indexName(d.name, i), fields: [...i.fields], unique: i.unique === true })),
  }));
}

interface Derivations {
  payConfigured: boolean;
  notifyUrl: string;
  consoleOrigins: string[];
}

function planEnv(specs: EnvVarSpec[], env: Env, d: Derivations): PlannedEnvVar[] {
  return specs
    .filter((s) => s.store !== 'secrets')
    .map((s): PlannedEnvVar => {
      const base = { name: s.name, required: s.required, secret: s.secret };
      // the deployer's own origins are merged into the derived list rather than replacing it
      if (s.derived === 'console-origin') {
        const text = d.consoleOrigins.join(',');
        const bytes = Buffer.byteLength(text.replace(HOSTING_DOMAIN, 'x'.repeat(HOSTING_DOMAIN_MAX_BYTES)));
        return { ...base, state: 'derived', derivedFrom: text, bytes };
      }
      if (present(env, s.name)) return { ...base, state: 'set', bytes: sizeOf(env, s.name) };
      if (s.file && present(env, `${s.name}_FILE`)) return { ...base, state: 'set', fromFile: true, bytes: sizeOf(env, s.name, true) };
      if (s.derived === 'pay-notify-url' && d.payConfigured) return { ...base, state: 'derived', derivedFrom: d.notifyUrl, bytes: Buffer.byteLength(d.notifyUrl) };
      return { ...base, state: s.required ? 'missing' : 'unset', bytes: 0 };
    });
}

/** What SCF counts: every variable that will be set, its name and its value. */
export const envBytesOf = (vars: readonly PlannedEnvVar[]) => vars.filter((v) => v.state === 'set' || v.state === 'derived').reduce((n, v) => n + Buffer.byteLength(v.name) + v.bytes, 0);

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

  const domain = env['HULIAN_HTTP_DOMAIN']?.trim().toLowerCase() || null;
  const certId = env['HULIAN_HTTP_CERT_ID']?.trim() || null;
  if (!domain) {
    problems.push("HULIAN_HTTP_DOMAIN is not set: the console and WeChat Pay need a custom domain on CloudBase's HTTP access service (the default domain is for testing only)");
  } else if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
    problems.push('HULIAN_HTTP_DOMAIN must be a domain name (e.g. api.example.com), without scheme or path');
  }
  const httpBase = `https://${domain ?? '<custom domain>'}`;

  const payNames = ['WXPAY_MCHID', 'WXPAY_APPID', 'WXPAY_PRIVATE_KEY', 'WXPAY_CERT', 'WXPAY_APIV3_KEY', 'WXPAY_PLATFORM_CERT', 'WXPAY_PUBLIC_KEY'];
  const payStarted = payNames.some((n) => present(env, n) || present(env, `${n}_FILE`));
  const notifyUrl = env['WXPAY_NOTIFY_URL']?.trim() || `${httpBase}${PAY_NOTIFY_PATH}`;
  let payConfigured = false;
  if (payStarted) {
    // the pay adapter's own rule, with the notify URL as the deploy derives it
    const parsed = wxpayConfigFromEnv({ ...env, WXPAY_NOTIFY_URL: notifyUrl });
    if ('missing' in parsed) problems.push(`WeChat Pay is partly configured; missing: ${parsed.missing.join(', ')}`);
    else payConfigured = true;
  } else {
    notes.push('WeChat Pay is not configured (WXPAY_*): licence purchases will answer pay/unavailable');
  }

  // one list for CORS and safe domains: the console's hosting origin, plus any the deployer adds
  const extraOrigins = (env['HULIAN_CONSOLE_ORIGINS'] ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  const consoleOrigins = [...new Set([`https://${HOSTING_DOMAIN}`, ...extraOrigins])];
  const badOrigin = extraOrigins.find((o) => !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  if (badOrigin) problems.push(`HULIAN_CONSOLE_ORIGINS: "${badOrigin}" is not an https origin`);
  const derivations: Derivations = { payConfigured, notifyUrl, consoleOrigins };

  const secretsByName = new Map<string, PlannedSecret>();
  const functions: PlannedFunction[] = input.bundles.map((b) => {
    const { settings, known } = settingsFor(b.name);
    if (!known) notes.push(`function ${b.name} has no entry in scripts/deploy/functions.ts: deployed with the defaults`);
    const vars = planEnv(settings.env, env, derivations);
    const secretNames: string[] = [];
    for (const s of settings.env.filter((x) => x.store === 'secrets')) {
      const fromFile = !present(env, s.name) && !!s.file && present(env, `${s.name}_FILE`) ? (true as const) : undefined;
      if (!present(env, s.name) && !fromFile) continue;
      secretNames.push(s.name);
      const entry = secretsByName.get(s.name) ?? { name: s.name, bytes: sizeOf(env, s.name, fromFile), ...(fromFile ? { fromFile } : {}), functions: [] };
      entry.functions.push(b.name);
      secretsByName.set(s.name, entry);
    }
    const envBytes = envBytesOf(vars);
    if (envBytes > ENV_BYTES_LIMIT) problems.push(`function ${b.name}: its environment variables take ${envBytes} bytes, over SCF's ${ENV_BYTES_LIMIT}-byte cap`);
    return {
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
      env: vars,
      envBytes,
      openapi: [...(b.openapi ?? [])],
      secrets: secretNames,
      known,
    };
  });
  const missing = [...new Set(functions.flatMap((f) => f.env.filter((v) => v.state === 'missing').map((v) => v.name)))];
  if (missing.length) problems.push(`required variables not set: ${missing.join(', ')}`);

  const access = [
    ...functions
      .filter((f) => f.httpPath)
      // WeChat Pay's servers send no Origin: a safe-domain check would refuse its notifications
      .map((f): PlannedRoute => ({ path: f.httpPath!, function: f.name, api: ROUTE_API, safeDomain: f.httpPath === ADMIN_PATH })),
    // the Official Account portal's routes (oa-config.ts): a portal token authenticates each call
    ...OA_DEPLOY.httpRoutes.filter((r) => functions.some((f) => f.name === r.function)).map((r): PlannedRoute => ({ path: r.path, function: r.function, api: ROUTE_API, safeDomain: false })),
  ];
  for (const w of OA_DEPLOY.wechatSettings) notes.push(`Official Account admin (mp.weixin.qq.com): ${w.setting} = ${w.value}`);
  const adminEndpoint = env['HULIAN_ADMIN_ENDPOINT']?.trim() || `${httpBase}${ADMIN_PATH}`;
  return {
    envId,
    functionRoot: FUNCTIONS_OUT,
    database: planCollections(input.collections),
    essentials: { adminUser: env['HULIAN_ADMIN_USER']?.trim() || 'admin' },
    secrets: [...secretsByName.values()],
    functions,
    http: { domain, certId },
    access,
    consoleOrigins,
    console: input.console === false ? null : { localPath: CONSOLE_DIST, cloudPath: CONSOLE_CLOUD_PATH, adminEndpoint },
    problems,
    notes,
  };
}
