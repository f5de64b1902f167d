/**
 * Carries out a DeployPlan with manager-node. First a read-only preflight (preflight.ts) checks what only
 * the environment knows — index drift, who holds the HTTP paths, the domain, the variables' real sizes —
 * and a deploy with any problem stops before its first write. Then, in order: database (so functions
 * never run against missing indexes), essentials, secrets, functions, HTTP routes, safe domains, console.
 * Every step converges (create-if-missing, set, update-in-place), so a deploy interrupted anywhere can
 * simply be run again. Values of variables are read here, from `env`, and go only to CloudBase.
 */
import { join } from 'node:path';
import { SECRETS_COLLECTION } from '../../cloudfunctions/adapters/cloudbase/secrets';
import type { CloudbaseManager, HttpRoute, ManagerIndex } from './manager';
import { preflight, type Preflight } from './preflight';
import type { DeployPlan, PlannedIndex, PlannedRoute } from './plan';

type Env = Record<string, string | undefined>;

export interface ExecuteOptions {
  root: string;
  env: Env;
  log(line: string): void;
  /** builds console/dist for this admin endpoint (vite, with VITE_ADMIN_ENDPOINT) */
  buildConsole(adminEndpoint: string): Promise<void>;
  /** writes settings, built-in roles, the seat counter and the admin (essentials.ts) */
  seedEssentials(adminUser: string): Promise<void>;
  /** replaces the `secrets` document with these values (essentials.ts writeSecretsOnCloudbase) */
  writeSecrets(values: Record<string, string>): Promise<void>;
}

const managerIndex = (i: PlannedIndex): ManagerIndex => ({
  IndexName: i.name,
  MgoKeySchema: { MgoIndexKeys: i.fields.map((f) => ({ Name: f, Direction: '1' })), MgoIsUnique: i.unique },
});

/** The route as CloudBase should hold it: the function authenticates every request itself. */
export const routeFor = (r: PlannedRoute): HttpRoute => ({
  Path: r.path,
  UpstreamResourceType: 'SCF',
  UpstreamResourceName: r.function,
  EnableAuth: false,
  EnableSafeDomain: r.safeDomain,
  EnablePathTransmission: false,
  Enable: true,
});

const sameRoute = (have: HttpRoute, want: HttpRoute) =>
  have.UpstreamResourceName === want.UpstreamResourceName && have.EnableAuth === want.EnableAuth && have.EnableSafeDomain === want.EnableSafeDomain && have.Enable !== false;

async function database(plan: DeployPlan, mgr: CloudbaseManager, log: ExecuteOptions['log']): Promise<void> {
  for (const c of plan.database) {
    const created = await mgr.database.createCollectionIfNotExists(c.name);
    await mgr.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.permission });
    const existing = (await mgr.database.describeCollection(c.name)).Indexes ?? [];
    const missing = c.indexes.filter((i) => !existing.some((e) => e.Name === i.name));
    if (missing.length) await mgr.database.updateCollection(c.name, { CreateIndexes: missing.map(managerIndex) });
    log(`collection ${c.name}: ${created.IsCreated ? 'created' : 'exists'}, rule ${c.permission}, ${missing.length ? `created ${missing.map((i) => i.name).join(', ')}` : 'indexes up to date'}`);
  }
}

async function http(plan: DeployPlan, mgr: CloudbaseManager, facts: Preflight, log: ExecuteOptions['log']): Promise<void> {
  const domain = plan.http.domain!;
  const envId = plan.envId!;
  if (!facts.domainBound) {
    await mgr.env.bindCustomDomain({ EnvId: envId, Domain: { Domain: domain, CertId: plan.http.certId! } });
    log(`custom domain ${domain}: bound (point its CNAME at the environment as the CloudBase console shows)`);
  }
  for (const r of plan.access) {
    const want = routeFor(r);
    const have = facts.routes.find((x) => x.Path === r.path);
    if (!have) await mgr.env.createHttpServiceRoute({ EnvId: envId, Domain: { Domain: domain, Routes: [want] } });
    else if (!sameRoute(have, want)) await mgr.env.modifyHttpServiceRoute({ EnvId: envId, Domain: { Domain: domain, Routes: [want] } });
    log(`HTTP route https://${domain}${r.path} -> ${r.function}: ${!have ? 'created' : sameRoute(have, want) ? 'up to date' : 'updated'}`);
  }
}

async function safeDomains(mgr: CloudbaseManager, facts: Preflight, log: ExecuteOptions['log']): Promise<void> {
  if (!facts.consoleHosts.length) return;
  const known = new Set(((await mgr.env.getEnvAuthDomains()).Domains ?? []).map((d) => d.Domain));
  const missing = facts.consoleHosts.filter((h) => !known.has(h));
  if (missing.length) await mgr.env.createEnvDomain(missing);
  log(`safe domains: ${facts.consoleHosts.join(', ')}${missing.length ? ` (added ${missing.join(', ')})` : ' (present)'}`);
}

export async function executePlan(plan: DeployPlan, mgr: CloudbaseManager, opts: ExecuteOptions): Promise<void> {
  if (plan.problems.length) throw new Error(`not deploying:\n  ${plan.problems.join('\n  ')}`);
  const { log } = opts;
  const facts = await preflight(plan, mgr, opts.env);
  if (facts.problems.length) throw new Error(`not deploying, nothing was changed:\n  ${facts.problems.join('\n  ')}`);

  await database(plan, mgr, log);
  await opts.seedEssentials(plan.essentials.adminUser);
  log(`essentials: settings, built-in roles, seat counter, admin "${plan.essentials.adminUser}"`);
  await opts.writeSecrets(facts.secretValues);
  log(`secrets: ${Object.keys(facts.secretValues).join(', ') || 'none'} in the ${SECRETS_COLLECTION} collection`);

  for (const f of plan.functions) {
    const envVariables = facts.envVariables[f.name];
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
    log(`function ${f.name}: deployed with ${Object.keys(envVariables).length} variables (${Object.keys(envVariables).join(', ') || 'none'})${f.openapi.length ? `, open APIs ${f.openapi.join(', ')}` : ''}`);
  }

  await http(plan, mgr, facts, log);
  await safeDomains(mgr, facts, log);

  if (plan.console) {
    await opts.buildConsole(plan.console.adminEndpoint);
    await mgr.hosting.uploadFiles({ localPath: join(opts.root, plan.console.localPath), cloudPath: plan.console.cloudPath });
    log(`console: uploaded to ${facts.hostingDomain ? `https://${facts.hostingDomain}` : 'static hosting'}/${plan.console.cloudPath}/ (admin endpoint ${plan.console.adminEndpoint})`);
  }
}
