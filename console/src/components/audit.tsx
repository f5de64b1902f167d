import type { AuditEntryView } from '../contracts';
import { hasMessage, useI18n, type MessageKey } from '../i18n';

const ACTOR_KINDS = ['admin', 'user', 'wechat'] as const;

/** What kind of thing an id stands for, from its prefix: a word people know, never the id itself. */
const KIND_OF_ID: Array<[RegExp, MessageKey]> = [
  [/^usr_/, 'audit.kind.user'],
  [/^acc_/, 'audit.kind.account'],
  [/^con_/, 'audit.kind.contact'],
  [/^ent_/, 'audit.kind.enterprise'],
  [/^mth_/, 'audit.kind.method'],
  [/^rol_/, 'audit.kind.role'],
  [/^ord_|^\d{20,}/, 'audit.kind.order'],
  [/^global$/, 'audit.kind.settings'],
  [/^terminal-user$/, 'audit.kind.licence'],
];

type Names = Record<string, string> | undefined;

/**
 * Audit entries in words: who did what to whom. Names come with the entry (`names`, looked up by the
 * server); an id without one (something since removed) shows as its kind, never as the raw id.
 */
export function useAuditText() {
  const { t, locale } = useI18n();
  const list = locale === 'en' ? ', ' : '、';
  const gap = locale === 'en' ? ' ' : '';
  const kindOf = (id: string): string => {
    const hit = KIND_OF_ID.find(([re]) => re.test(id));
    return hit ? t(hit[1]) : t('audit.kind.record');
  };
  const named = (id: string, names: Names): string => names?.[id] ?? `${kindOf(id)}${gap}${t('audit.removed')}`;
  return {
    actionLabel(action: string): string {
      const key = `auditAction.${action}`;
      return hasMessage(key) ? t(key) : t('audit.kind.record');
    },
    actorLabel(actor: string, names?: Names): string {
      if (actor === 'system') return t('audit.actor.system');
      const kind = ACTOR_KINDS.find((k) => actor.startsWith(`${k}:`));
      if (!kind) return t('audit.actor.system');
      const id = actor.slice(kind.length + 1);
      if (kind === 'wechat') return t('audit.actor.wechat');
      const name = kind === 'admin' ? names?.[`admin:${id}`] : names?.[id];
      return `${t(`audit.actor.${kind}`)} ${name ?? t('audit.removed')}`;
    },
    targetLabel(target: string, names?: Names): string {
      if (names?.[`admin:${target}`]) return `${t('audit.actor.admin')} ${names[`admin:${target}`]}`;
      if (names?.[target]) return `${kindOf(target)} ${names[target]}`;
      const hit = KIND_OF_ID.find(([re]) => re.test(target));
      // settings and the seat counter are one of a kind: their kind is their name
      return hit && (target === 'global' || target === 'terminal-user') ? kindOf(target) : named(target, names);
    },
    /** one detail value in words: ids by name, lists joined, yes/no, nested objects by what they hold */
    valueText(value: unknown, names?: Names): string {
      const one = (v: unknown): string => {
        if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
        if (typeof v === 'number') return String(v);
        if (typeof v === 'string') return KIND_OF_ID.some(([re]) => re.test(v)) || /^[a-z]{2,5}_[A-Za-z0-9]{6,}$/.test(v) ? named(v, names) : v;
        if (Array.isArray(v)) return v.map(one).join(list);
        if (v && typeof v === 'object') return Object.keys(v).map(detailLabel).join(list);
        return '';
      };
      return one(value);
    },
  };

  function detailLabel(key: string): string {
    const k = `auditDetail.${key}`;
    // an unknown key reads as words ("contactPhone" → "contact phone"), never as a field path
    return hasMessage(k) ? t(k) : key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
  }
}

const MAX_VALUE = 120;

/** An entry's details as "label: value" lines, in words (React escapes it; nothing in it is ever markup). */
export function AuditDetails({ details, names }: { details?: Record<string, unknown>; names?: Record<string, string> }) {
  const { t, locale } = useI18n();
  const { valueText } = useAuditText();
  const colon = locale === 'en' ? ':' : '：';
  if (!details || Object.keys(details).length === 0) return null;
  const label = (key: string) => {
    const k = `auditDetail.${key}`;
    return hasMessage(k) ? t(k) : key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
  };
  return (
    <dl className="audit-details">
      {Object.entries(details).map(([key, value]) => {
        const text = valueText(value, names);
        return (
          <div key={key} className="audit-details__row">
            <dt>
              {label(key)}
              {colon}
            </dt>
            <dd title={text.length > MAX_VALUE ? text : undefined}>{text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A short list of entries (dashboard activity, a user's history). Items are `li[data-audit-id]`. */
export function AuditList({ id, entries, emptyText }: { id: string; entries: AuditEntryView[]; emptyText: string }) {
  const { formatTime } = useI18n();
  const { actionLabel, actorLabel, targetLabel } = useAuditText();
  if (entries.length === 0) return <p id={id} className="audit-list__empty">{emptyText}</p>;
  return (
    <ol id={id} className="audit-list">
      {entries.map((entry) => (
        <li key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
          <time dateTime={entry.at}>{formatTime(entry.at)}</time>
          <span className="audit-list__what">
            <span className="audit-list__actor">{actorLabel(entry.actor, entry.names)}</span>
            <strong>{actionLabel(entry.action)}</strong>
            {entry.target ? <span className="audit-list__target">{targetLabel(entry.target, entry.names)}</span> : null}
          </span>
          <AuditDetails details={entry.details} names={entry.names} />
        </li>
      ))}
    </ol>
  );
}
