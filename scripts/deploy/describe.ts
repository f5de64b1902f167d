/** The plan as the lines `npm run deploy -- --dry-run` prints: every action, in the order they run. */
import type { DeployPlan, PlannedEnvVar } from './plan';

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

const envLabel = (v: PlannedEnvVar) => {
  const state = v.state === 'derived' ? `derived: ${v.derivedFrom}` : v.fromFile ? `set from ${v.name}_FILE` : v.state;
  const flags = [state, ...(v.secret ? ['secret'] : []), ...(v.required ? ['required'] : [])];
  return `${v.name} (${flags.join(', ')}${v.bytes ? `, ${v.bytes} B` : ''})`;
};

export const consoleBuildCommand = (endpoint: string) => `VITE_ADMIN_ENDPOINT=${endpoint} vite build --config console/vite.config.ts`;

export function describePlan(plan: DeployPlan): string[] {
  const out: string[] = [];
  out.push(`Deploy plan for CloudBase environment ${plan.envId ?? '(TCB_ENV_ID not set)'}`);

  out.push(`1. Database: ${plan.database.length} collections, security rule ADMINONLY on each (clients read and write nothing; the functions use the admin SDK)`);
  for (const c of plan.database) {
    out.push(`   create collection ${c.name} if missing; set rule ${c.permission}`);
    for (const i of c.indexes) out.push(`     create ${i.unique ? 'unique ' : ''}index ${i.name} on (${i.fields.map((f) => `${f} asc`).join(', ')}) if missing`);
  }

  out.push(
    `2. Essentials: settings, built-in roles, seat counter and console admin "${plan.essentials.adminUser}" (password from HULIAN_ADMIN_PASSWORD), created if missing with server/seed.ts seedEssentials through @cloudbase/node-sdk`,
  );
  out.push(`3. Secrets: ${plan.secrets.length ? plan.secrets.map((s) => `${s.name} (${s.bytes} B, read by ${s.functions.join(', ')})`).join('; ') : 'none'} -> the ADMINONLY secrets collection (too large for variables)`);
  out.push(`4. Functions: ${plan.functions.length}, code from ${plan.functionRoot}/ (bundled; nothing installed in the cloud unless a function has dependencies)`);
  for (const f of plan.functions) {
    out.push(
      `   deploy function ${f.name}: ${f.dir} (${mib(f.bytes)}), ${f.runtime}, handler ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB, cloud npm install ${f.installDependency ? 'yes' : 'no'}${f.known ? '' : ', DEFAULT settings'}`,
    );
    out.push(`     environment variables (replacing the function's current set), ${f.envBytes} of 4096 bytes: ${f.env.filter((v) => v.state !== 'unset').map(envLabel).join('; ') || 'none'}`);
    if (f.openapi.length) out.push(`     config.json permissions.openapi: ${f.openapi.join(', ')}`);
    if (f.secrets.length) out.push(`     reads from secrets: ${f.secrets.join(', ')}`);
    const unset = f.env.filter((v) => v.state === 'unset').map((v) => v.name);
    if (unset.length) out.push(`     left unset: ${unset.join(', ')}`);
    for (const t of f.triggers) out.push(`     create ${t.type} trigger ${t.name} "${t.config}"`);
  }

  out.push(`5. HTTP access routes on ${plan.http.domain ?? '(no custom domain)'}: ${plan.access.length}, bound with env.bindCustomDomain if needed`);
  for (const a of plan.access) out.push(`   create route ${a.path} -> function ${a.function} with ${a.api} (CloudBase auth off: the function authenticates the request itself; safe-domain check ${a.safeDomain ? 'on' : 'off'})`);
  out.push(`   console origins (CORS of admin and safe domains): ${plan.consoleOrigins.join(', ')}`);

  if (plan.console) {
    out.push('6. Console');
    out.push(`   build: ${consoleBuildCommand(plan.console.adminEndpoint)}`);
    out.push(`   upload ${plan.console.localPath}/ -> static hosting /${plan.console.cloudPath}/`);
  } else {
    out.push('6. Console: skipped');
  }

  for (const n of plan.notes) out.push(`note: ${n}`);
  if (plan.problems.length) {
    out.push('Problems (a real deploy stops before its first action):');
    for (const p of plan.problems) out.push(`  - ${p}`);
  }
  return out;
}
