/**
 * The part of @cloudbase/manager-node (5.6) the deploy step uses, typed structurally, and its loader.
 *
 * Why manager-node and not @cloudbase/cli: the CLI 2.12 is one 35 MB file (`npm view`/`npm pack
 * --dry-run`: 8.7 MB tarball, 35 MB unpacked) and has no command for database indexes; manager-node is the
 * library the CLI itself calls (0.9 MB + its dependencies), with an API for every step here. It is a
 * devDependency loaded only by a real deploy, so a dry run and the tests need neither it nor the network.
 *
 * Signatures read from manager-node 5.6.5 `types/` and `lib/`:
 * - functions.createFunction({func, functionRootPath, force}) creates or (force) updates code + config;
 *   `func` is flat (name, handler, runtime, timeout, memorySize, installDependency, envVariables, triggers);
 *   envVariables replace the function's whole set. The folder uploaded is functionRootPath/name, so the
 *   function's config.json (`permissions.openapi`) travels with its code.
 * - database.checkCollectionExists(name) → {Exists}; createCollectionIfNotExists(name); describeCollection(name)
 *   → {Indexes: [{Name, Keys, Unique}]}; updateCollection(name, {CreateIndexes: [{IndexName, MgoKeySchema:
 *   {MgoIndexKeys: [{Name, Direction}], MgoIsUnique}}]}) (flexdb UpdateTable).
 * - permission.modifyResourcePermission({resourceType: 'collection', resource, permission: 'ADMINONLY'}).
 * - env.describeHttpServiceRoute({EnvId, Filters: [{Name: 'Domain', Values}]}) → {Domains: [{Domain, Routes}]}
 *   (DescribeHTTPServiceRoute); env.bindCustomDomain({EnvId, Domain: {Domain, CertId}}) (CreateHTTPServiceRoute
 *   without routes); env.createHttpServiceRoute({EnvId, Domain: {Domain, Routes}}) (CreateHTTPServiceRoute);
 *   env.modifyHttpServiceRoute({EnvId, Domain: {Domain, Routes}}) (ModifyHTTPServiceRoute, incremental).
 *   Not `access.*`: that is the deprecated gateway API (CreateCloudBaseGWAPI).
 * - env.getEnvAuthDomains() → {Domains: [{Id, Domain}]}; env.createEnvDomain([domain]) (the safe domains,
 *   CreateAuthDomain).
 * - hosting.getInfo() → [{CdnDomain, Status}]; uploadFiles({localPath, cloudPath}).
 */

export interface ManagerFunction {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers?: Array<{ name: string; type: string; config: string }>;
}

export interface ManagerIndex {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean };
}

export interface HttpRoute {
  Path: string;
  UpstreamResourceType?: 'SCF';
  UpstreamResourceName?: string;
  EnableAuth?: boolean;
  EnableSafeDomain?: boolean;
  EnablePathTransmission?: boolean;
  Enable?: boolean;
}

export interface HttpDomain {
  Domain: string;
  Routes?: HttpRoute[];
  Status?: string;
}

export interface CloudbaseManager {
  functions: {
    createFunction(param: { func: ManagerFunction; functionRootPath: string; force: boolean }): Promise<unknown>;
  };
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollectionIfNotExists(name: string): Promise<{ IsCreated?: boolean }>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean }> }>;
    updateCollection(name: string, info: { CreateIndexes: ManagerIndex[] }): Promise<unknown>;
  };
  permission: {
    modifyResourcePermission(options: { resourceType: 'collection'; resource: string; permission: 'ADMINONLY' }): Promise<unknown>;
  };
  env: {
    describeHttpServiceRoute(params: { EnvId: string; Filters?: Array<{ Name: 'Domain' | 'Path'; Values: string[] }> }): Promise<{ Domains?: HttpDomain[] }>;
    bindCustomDomain(params: { EnvId: string; Domain: { Domain: string; CertId: string } }): Promise<unknown>;
    createHttpServiceRoute(params: { EnvId: string; Domain: { Domain: string; Routes: HttpRoute[] } }): Promise<unknown>;
    modifyHttpServiceRoute(params: { EnvId: string; Domain: { Domain: string; Routes: HttpRoute[] } }): Promise<unknown>;
    getEnvAuthDomains(): Promise<{ Domains?: Array<{ Id?: string; Domain: string }> }>;
    createEnvDomain(domains: string[]): Promise<unknown>;
  };
  hosting: {
    getInfo(): Promise<Array<{ CdnDomain?: string; Status?: string }>>;
    uploadFiles(options: { localPath: string; cloudPath: string }): Promise<unknown>;
  };
}

export const MANAGER_PACKAGE = '@cloudbase/manager-node';
export const MANAGER_VERSION = '5.6.5';

/** manager-node, created for one environment with the deployer's API key (never logged). */
export function loadManager(env: Record<string, string | undefined>): CloudbaseManager {
  let CloudBase: new (config: Record<string, string | undefined>) => CloudbaseManager;
  try {
    // a variable keeps TypeScript from resolving the optional package at type-check time
    const name = MANAGER_PACKAGE;
    CloudBase = require(name) as typeof CloudBase;
  } catch {
    throw new Error(`${MANAGER_PACKAGE} is not installed. Install it once: npm install --save-dev ${MANAGER_PACKAGE}@${MANAGER_VERSION}`);
  }
  return new CloudBase({
    envId: env['TCB_ENV_ID'],
    secretId: env['TENCENTCLOUD_SECRETID'],
    secretKey: env['TENCENTCLOUD_SECRETKEY'],
    ...(env['TENCENTCLOUD_SESSIONTOKEN'] ? { token: env['TENCENTCLOUD_SESSIONTOKEN'] } : {}),
  });
}
