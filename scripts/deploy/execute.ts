/**
 * Carries out a DeployPlan with manager-node, in the plan's order: database (so functions never run
 * against missing indexes), essentials, domains, functions, HTTP access paths, console. Every step is idempotent:
 * existing collections, indexes and paths are kept, functions are updated in place (`force`), so a deploy
 * can be re-run after a failure. Values of variables are read here, from `env`, and go only to CloudBase.
 */
import { join } from 'node:path';
import type { CloudbaseManager, ManagerIndex } from './manager';
import { HOSTING_DOMAIN, HTTP_DOMAIN, pemFileValue, type DeployPlan, type PlannedEnvVar, type PlannedIndex } from './plan';

type Env = Record<string, string | undefined>;

export interface ExecuteOptions {
  root: string;
  env: Env;
  log(line: string): void;
  /** builds console/dist for this admin endpoint (vite, with VITE_ADMIN_ENDPOINT) */
  buildConsole(adminEndpoint: string): Promise<void>;
  /** writes settings, built-in roles, the seat counter and the admin (essentials.ts) */
  seedEssentials(adminUser: string): Promise<void>;
}

const managerIndex = (i: PlannedIndex): ManagerIndex => ({
  IndexName: i.name,
  MgoKeySchema: { MgoIndexKeys: i.fields.map((f) => ({ Name: f, Direction: '1' })), MgoIsUnique: i.unique },
});

type ExistingIndex = { Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean };

const sameIndex = (e: ExistingIndex, i: PlannedIndex) =>
  (e.Unique === true) === i.unique && (e.Keys ?? []).map((k) => `${k.Name}:${k.Direction}`).join(',') === i.fields.map((f) => `${f}:1`).join(',');

async function database(plan: DeployPlan, mgr: CloudbaseManager, log: ExecuteOptions['log']): Promise<void> {
  const drift: string[] = [];
  for (const c of plan.database) {
    const created = await mgr.database.createCollectionIfNotExists(c.name);
    await mgr.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.permission });
    const existing = (await mgr.database.describeCollection(c.name)).Indexes ?? [];
    const missing = c.indexes.filter((i) => !existing.some((e) => e.Name === i.name));
    for (const i of c.indexes) {
      const e = existing.find((x) => x.Name === i.name);
      // an index cannot be changed in place; dropping a unique one would open a window for duplicates
      if (e && !sameIndex(e, i)) drift.push(`${c.name}.${i.name} exists with other keys or uniqueness: drop it in the CloudBase console and deploy again`);
    }
    if (missing.length) await mgr.database.updateCollection(c.name, { CreateIndexes: missing.map(managerIndex) });
    log(`collection ${c.name}: ${created.IsCreated ? 'created' : 'exists'}, rule ${c.permission}, ${missing.length ? `created ${missing.map((i) => i.name).join(', ')}` : 'indexes up to date'}`);
  }
  if (drift.length) throw new Error(`indexes differ from core/schema/collections.ts:\n  ${drift.join('\n  ')}`);
}

export async function executePlan(plan: DeployPlan, mgr: CloudbaseManager, opts: ExecuteOptions): Promise<void> {
  if (plan.problems.length) throw new Error(`not deploying:\n  ${plan.problems.join('\n  ')}`);
  const { env, log } = opts;

  await database(plan, mgr, log);
  await opts.seedEssentials(plan.essentials.adminUser);
  log(`essentials: settings, built-in roles, seat counter, admin "${plan.essentials.adminUser}"`);

  const httpDomain = (await mgr.access.getDomainList()).DefaultDomain;
  const hostingDomain = (await mgr.hosting.getInfo().catch(() => []))[0]?.CdnDomain;
  const fill = (text: string) => {
    if (text.includes(HTTP_DOMAIN) && !httpDomain) throw new Error('the environment has no HTTP access domain: open HTTP access in the CloudBase console first');
    if (text.includes(HOSTING_DOMAIN) && !hostingDomain) return undefined;
    return text.replace(HTTP_DOMAIN, httpDomain ?? '').replace(HOSTING_DOMAIN, hostingDomain ?? '');
  };
  const valueOf = (v: PlannedEnvVar) => {
    if (v.state === 'set') return v.fromFile ? pemFileValue(env[`${v.name}_FILE`]!.trim()) : env[v.name]?.trim();
    return v.state === 'derived' ? fill(v.derivedFrom ?? '') : undefined;
  };

  for (const f of plan.functions) {
    const envVariables: Record<string, string> = {};
    for (const v of f.env) {
      const value = valueOf(v);
      if (value) envVariables[v.name] = value;
      else if (v.state === 'derived') log(`function ${f.name}: ${v.name} left unset (static hosting is not enabled)`);
    }
    await mgr.functions.createFunction({
      func: {
        name: f.name,
        handler: f.handler,
        runtime: f.runtime,
        timeout: f.timeout,
        memorySize: f.memorySize,
        installDependency: f.installDependency,
        envVariables,
        ...(f.triggers.length ? { triggers: f.triggers } : {}),
      },
      functionRootPath: join(opts.root, plan.functionRoot),
      force: true,
    });
    log(`function ${f.name}: deployed with ${Object.keys(envVariables).length} variables (${Object.keys(envVariables).join(', ') || 'none'})`);
  }

  for (const a of plan.access) {
    const bound = ((await mgr.access.getAccessList({ path: a.path })).APISet ?? []).find((x) => x.Path === a.path);
    if (bound && bound.Name !== a.function) throw new Error(`HTTP path ${a.path} is bound to ${bound.Name}, not ${a.function}: remove it in the CloudBase console first`);
    if (!bound) await mgr.access.createAccess({ name: a.function, path: a.path, type: 1, auth: false });
    log(`HTTP path ${a.path} -> ${a.function}: ${bound ? 'exists' : 'created'} (https://${httpDomain}${a.path})`);
  }

  if (plan.console) {
    const endpoint = fill(plan.console.adminEndpoint)!;
    await opts.buildConsole(endpoint);
    await mgr.hosting.uploadFiles({ localPath: join(opts.root, plan.console.localPath), cloudPath: plan.console.cloudPath });
    log(`console: uploaded to ${hostingDomain ? `https://${hostingDomain}` : 'static hosting'}/${plan.console.cloudPath}/ (admin endpoint ${endpoint})`);
  }
}
