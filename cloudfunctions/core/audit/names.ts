import type { AuditEntryView } from '../contracts/admin';
import type { Deps } from '../ports';

/**
 * Audit entries read as "who did what to whom": every id an entry names (its actor, its target, ids in
 * its details) paired with the name a person knows it by, looked up in one round trip per collection.
 */
const COLLECTION_OF: Array<[RegExp, string, (d: Record<string, unknown>) => string]> = [
  [/^usr_/, 'ic_users', (d) => String(d['name'] ?? '')],
  [/^acc_/, 'accounts', (d) => String(d['name'] ?? '')],
  [/^con_/, 'contacts', (d) => String(d['name'] ?? '')],
  [/^ent_/, 'ic_enterprises', (d) => String(d['name'] ?? '')],
  [/^mth_/, 'methods', (d) => String(d['name'] ?? '')],
  [/^rol_/, 'roles', (d) => String(d['name'] ?? '')],
];
const adminName = (d: Record<string, unknown>) => String(d['display_name'] || d['username'] || '');
const MAX_IDS = 200;

function idsIn(entry: AuditEntryView): { admins: string[]; roles: string[]; other: string[] } {
  const admins: string[] = [];
  const roles: string[] = [];
  const other: string[] = [];
  const actor = /^(admin|user):(.+)$/.exec(entry.actor);
  if (actor?.[1] === 'admin') admins.push(actor[2]!);
  else if (actor?.[1] === 'user') other.push(actor[2]!);
  // an admin's own sign-ins, password changes, …: the target is an admin, whose ids carry no prefix
  if (entry.target && /^admins?\./.test(entry.action)) admins.push(entry.target);
  else if (entry.target) other.push(entry.target);
  for (const [key, value] of Object.entries(entry.details ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (typeof v === 'string') (key === 'roleIds' || key === 'roleId' ? roles : key === 'adminId' ? admins : other).push(v);
  }
  return { admins, roles, other };
}

export async function namesForAudit(deps: Deps, entries: AuditEntryView[]): Promise<Record<string, string>> {
  const admins = new Set<string>();
  const roles = new Set<string>();
  const byColl = new Map<string, Set<string>>();
  for (const e of entries) {
    const ids = idsIn(e);
    ids.admins.forEach((id) => admins.add(id));
    ids.roles.forEach((id) => roles.add(id));
    for (const id of ids.other) {
      const hit = COLLECTION_OF.find(([re]) => re.test(id));
      if (hit) (byColl.get(hit[1]) ?? byColl.set(hit[1], new Set()).get(hit[1])!).add(id);
    }
  }
  const names: Record<string, string> = {};
  const lookups: Array<Promise<void>> = [];
  const look = (coll: string, ids: Set<string>, nameOf: (d: Record<string, unknown>) => string, prefix = '') => {
    const list = [...ids].slice(0, MAX_IDS);
    if (!list.length) return;
    lookups.push(
      deps.store.getMany(coll, list).then((docs) => {
        for (const d of docs) {
          const n = nameOf(d);
          if (n) names[`${prefix}${d._id}`] = n;
        }
      }),
    );
  };
  look('admins', admins, adminName, 'admin:');
  look('roles', roles, (d) => String(d['name'] ?? ''));
  for (const [re, coll, nameOf] of COLLECTION_OF) {
    void re;
    look(coll, byColl.get(coll) ?? new Set(), nameOf);
  }
  await Promise.all(lookups);
  return names;
}

/** The entries with the names they mention (`names`: id, or `admin:{id}` for an actor, → name). */
export async function withAuditNames(deps: Deps, entries: AuditEntryView[]): Promise<AuditEntryView[]> {
  if (!entries.length) return entries;
  const names = await namesForAudit(deps, entries).catch(() => ({}) as Record<string, string>);
  return entries.map((e) => {
    const ids = idsIn(e);
    const own: Record<string, string> = {};
    for (const id of [...ids.other, ...ids.roles]) if (names[id]) own[id] = names[id]!;
    for (const id of ids.admins) if (names[`admin:${id}`]) own[`admin:${id}`] = names[`admin:${id}`]!;
    // the actor of most admin actions is the admin; ids.admins holds it too when it is the target
    return Object.keys(own).length ? { ...e, names: own } : e;
  });
}
