/**
 * A stand-in for @cloudbase/manager-node 5.6.5 as the deploy uses it (same method names and shapes,
 * scripts/deploy/manager.ts), keeping an environment in memory and recording every call. It refuses what
 * CloudBase refuses: a function whose variables exceed 4 KB (names and values), a route on a domain that
 * is not bound, a route path taken by another function, and the deprecated gateway API (`access.*`,
 * CreateCloudBaseGWAPI). `failAt` makes the Nth write fail, as a network drop half-way through would.
 */
import type { CloudbaseManager, HttpDomain, HttpRoute, ManagerFunction } from '../../../scripts/deploy/manager';

export interface ManagerWorld {
  collections: Map<string, { rule?: string; indexes: Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }> }>;
  functions: Map<string, ManagerFunction & { files: string }>;
  domains: Map<string, HttpDomain & { CertId: string }>;
  safeDomains: string[];
  uploads: Array<{ localPath: string; cloudPath: string }>;
  /** every call, in order: `<api> <detail>` */
  calls: string[];
  hostingDomain?: string;
}

export const newWorld = (hostingDomain: string | undefined = 'prod-env-1-123.tcloudbaseapp.com'): ManagerWorld => ({
  collections: new Map(),
  functions: new Map(),
  domains: new Map(),
  safeDomains: [],
  uploads: [],
  calls: [],
  hostingDomain,
});

/** SCF: at most 4 KB of environment variables per function, names and values together. */
export const SCF_ENV_LIMIT = 4096;

export class CloudApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`[${code}] ${message}`);
  }
}

export interface ManagerStandinOptions {
  /** the 1-based number of the write call that fails (then the stand-in behaves again) */
  failAt?: number;
}

export function managerStandin(world: ManagerWorld, opts: ManagerStandinOptions = {}): CloudbaseManager & { access: Record<string, () => never> } {
  let writes = 0;
  const read = (c: string) => void world.calls.push(c);
  const write = (c: string) => {
    writes++;
    if (opts.failAt === writes) {
      world.calls.push(`FAILED ${c}`);
      throw new CloudApiError('InternalError.NetworkError', `connection reset during ${c}`);
    }
    world.calls.push(c);
  };
  const deprecated = (): never => {
    throw new CloudApiError('UnsupportedOperation', 'CreateCloudBaseGWAPI / the access.* gateway API is deprecated: use the HTTP access service routes');
  };
  const routeKey = (r: HttpRoute) => r.Path;
  return {
    functions: {
      async createFunction({ func, functionRootPath, force }) {
        const bytes = Object.entries(func.envVariables).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
        if (bytes > SCF_ENV_LIMIT) throw new CloudApiError('InvalidParameterValue.Environment', `environment variables of ${func.name} take ${bytes} bytes; the limit is 4 KB`);
        if (world.functions.has(func.name) && !force) throw new CloudApiError('ResourceInUse.Function', `function ${func.name} exists`);
        write(`function ${func.name} ${functionRootPath} force=${force}`);
        // an update replaces the configuration, variables included
        world.functions.set(func.name, { ...func, files: `${functionRootPath}/${func.name}` });
      },
    },
    database: {
      async checkCollectionExists(name) {
        read(`exists? ${name}`);
        return { Exists: world.collections.has(name) };
      },
      async createCollectionIfNotExists(name) {
        if (world.collections.has(name)) return { IsCreated: false };
        write(`collection ${name}`);
        world.collections.set(name, { indexes: [] });
        return { IsCreated: true };
      },
      async describeCollection(name) {
        const c = world.collections.get(name);
        if (!c) throw new CloudApiError('ResourceNotFound', `collection ${name} does not exist`);
        return { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...c.indexes] };
      },
      async updateCollection(name, { CreateIndexes }) {
        const c = world.collections.get(name);
        if (!c) throw new CloudApiError('ResourceNotFound', `collection ${name} does not exist`);
        for (const i of CreateIndexes) {
          if (c.indexes.some((x) => x.Name === i.IndexName)) throw new CloudApiError('InvalidParameter', `index ${i.IndexName} exists`);
          write(`index ${name}.${i.IndexName}`);
          c.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    permission: {
      async modifyResourcePermission({ resource, permission }) {
        const c = world.collections.get(resource);
        if (!c) throw new CloudApiError('ResourceNotFound', `collection ${resource} does not exist`);
        write(`rule ${resource} ${permission}`);
        c.rule = permission;
      },
    },
    env: {
      async describeHttpServiceRoute({ Filters }) {
        const wanted = Filters?.find((f) => f.Name === 'Domain')?.Values;
        return { Domains: [...world.domains.values()].filter((d) => !wanted || wanted.includes(d.Domain)).map((d) => ({ ...d, Routes: [...(d.Routes ?? [])] })) };
      },
      async bindCustomDomain({ Domain }) {
        if (world.domains.has(Domain.Domain)) throw new CloudApiError('ResourceInUse', `domain ${Domain.Domain} is bound`);
        if (!Domain.CertId) throw new CloudApiError('MissingParameter', 'CertId');
        write(`bindCustomDomain ${Domain.Domain}`);
        world.domains.set(Domain.Domain, { Domain: Domain.Domain, CertId: Domain.CertId, Routes: [], Status: 'SUCCESS' });
      },
      async createHttpServiceRoute({ Domain }) {
        const d = world.domains.get(Domain.Domain);
        if (!d) throw new CloudApiError('ResourceNotFound', `domain ${Domain.Domain} is not bound: routes need a custom domain`);
        for (const r of Domain.Routes) if (d.Routes!.some((x) => routeKey(x) === routeKey(r))) throw new CloudApiError('ResourceInUse', `route ${r.Path} exists`);
        write(`createHttpServiceRoute ${Domain.Routes.map((r) => `${r.Path}->${r.UpstreamResourceName} auth=${r.EnableAuth} safe=${r.EnableSafeDomain}`).join(' ')}`);
        d.Routes!.push(...Domain.Routes.map((r) => ({ ...r })));
      },
      async modifyHttpServiceRoute({ Domain }) {
        const d = world.domains.get(Domain.Domain);
        if (!d) throw new CloudApiError('ResourceNotFound', `domain ${Domain.Domain} is not bound`);
        for (const r of Domain.Routes) {
          const have = d.Routes!.find((x) => routeKey(x) === routeKey(r));
          if (!have) throw new CloudApiError('ResourceNotFound', `route ${r.Path} does not exist`);
          write(`modifyHttpServiceRoute ${r.Path}`);
          Object.assign(have, r); // incremental, as ModifyHTTPServiceRoute
        }
      },
      async getEnvAuthDomains() {
        return { Domains: world.safeDomains.map((Domain, i) => ({ Id: String(i), Domain })) };
      },
      async createEnvDomain(domains) {
        for (const d of domains) if (world.safeDomains.includes(d)) throw new CloudApiError('ResourceInUse', `${d} is already a safe domain`);
        write(`createEnvDomain ${domains.join(',')}`);
        world.safeDomains.push(...domains);
      },
    },
    hosting: {
      getInfo: async () => (world.hostingDomain ? [{ CdnDomain: world.hostingDomain, Status: 'online' }] : []),
      async uploadFiles(o) {
        write(`upload ${o.cloudPath}`);
        world.uploads.push(o);
      },
    },
    access: { getDomainList: deprecated, getAccessList: deprecated, createAccess: deprecated },
  };
}
