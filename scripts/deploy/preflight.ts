/**
 * The read-only half of a deploy: everything the plan cannot know without the environment, checked
 * before anything is written. Problems found here stop the deploy with nothing changed.
 */
import type { CloudbaseManager, HttpRoute } from './manager';
import { deployValue, ENV_BYTES_LIMIT, HOSTING_DOMAIN, type DeployPlan, type PlannedIndex } from './plan';

type Env = Record<string, string | undefined>;

export interface Preflight {
  problems: string[];
  hostingDomain: string | undefined;
  /** hosts of the console origins, for the safe domains */
  consoleHosts: string[];
  domainBound: boolean;
  /** the routes the custom domain has now */
  routes: HttpRoute[];
  /** per function: exactly the variables it will have */
  envVariables: Record<string, Record<string, string>>;
  secretValues: Record<string, string>;
}

type ExistingIndex = { Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean };

const sameIndex = (e: ExistingIndex, i: PlannedIndex) =>
  (e.Unique === true) === i.unique && (e.Keys ?? []).map((k) => `${k.Name}:${k.Direction}`).join(',') === i.fields.map((f) => `${f}:1`).join(',');

/** SCF counts names and values. */
const envBytes = (vars: Record<string, string>) => Object.entries(vars).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

export async function preflight(plan: DeployPlan, mgr: CloudbaseManager, env: Env): Promise<Preflight> {
  const problems: string[] = [];

  for (const c of plan.database) {
    if (!(await mgr.database.checkCollectionExists(c.name)).Exists) continue;
    const existing = (await mgr.database.describeCollection(c.name)).Indexes ?? [];
    for (const i of c.indexes) {
      const e = existing.find((x) => x.Name === i.name);
      // an index cannot be changed in place; dropping a unique one would open a window for duplicates
      if (e && !sameIndex(e, i)) problems.push(`${c.name}.${i.name} exists with other keys or uniqueness: drop it in the CloudBase console and deploy again`);
    }
  }

  const domain = plan.http.domain!;
  const bound = ((await mgr.env.describeHttpServiceRoute({ EnvId: plan.envId!, Filters: [{ Name: 'Domain', Values: [domain] }] })).Domains ?? []).find((d) => d.Domain === domain);
  if (!bound && !plan.http.certId) problems.push(`custom domain ${domain} is not bound to the environment yet: set HULIAN_HTTP_CERT_ID (its SSL certificate in Tencent Cloud SSL) so the deploy can bind it`);
  const routes = bound?.Routes ?? [];
  for (const r of plan.access) {
    const have = routes.find((x) => x.Path === r.path);
    if (have && have.UpstreamResourceName !== r.function) problems.push(`HTTP path ${r.path} on ${domain} is bound to ${have.UpstreamResourceName ?? 'another resource'}, not ${r.function}: remove that route first`);
  }

  const hostingDomain = (await mgr.hosting.getInfo().catch(() => []))[0]?.CdnDomain || undefined;
  const origins = plan.consoleOrigins.flatMap((o) => (o.includes(HOSTING_DOMAIN) ? (hostingDomain ? [o.replace(HOSTING_DOMAIN, hostingDomain)] : []) : [o]));
  const consoleHosts = origins.map((o) => new URL(o).host);

  const envVariables: Record<string, Record<string, string>> = {};
  const secretValues: Record<string, string> = {};
  try {
    for (const f of plan.functions) {
      const vars: Record<string, string> = {};
      for (const v of f.env) {
        const value = v.state === 'set' ? deployValue(env, v.name, v.fromFile) : v.state === 'derived' ? (v.name === 'HULIAN_CONSOLE_ORIGINS' ? origins.join(',') : v.derivedFrom) : undefined;
        if (value) vars[v.name] = value;
      }
      const bytes = envBytes(vars);
      // an update replaces all of a function's variables: this set is the whole of it
      if (bytes > ENV_BYTES_LIMIT) problems.push(`function ${f.name}: its variables take ${bytes} bytes, over SCF's ${ENV_BYTES_LIMIT}-byte cap`);
      envVariables[f.name] = vars;
    }
    for (const s of plan.secrets) secretValues[s.name] = deployValue(env, s.name, s.fromFile) ?? '';
  } catch (e) {
    problems.push(`a value could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { problems, hostingDomain, consoleHosts, domainBound: !!bound, routes, envVariables, secretValues };
}
