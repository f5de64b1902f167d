import type { AuditEntryView } from '../contracts';
import { hasMessage, useI18n } from '../i18n';

const ACTOR_KINDS = ['admin', 'user', 'wechat'] as const;

/** Audit actions and actors in words; unknown ones (written by a newer server) show as they are. */
export function useAuditText() {
  const { t } = useI18n();
  return {
    actionLabel(action: string): string {
      const key = `auditAction.${action}`;
      return hasMessage(key) ? t(key) : action;
    },
    actorLabel(actor: string): string {
      if (actor === 'system') return t('audit.actor.system');
      const kind = ACTOR_KINDS.find((k) => actor.startsWith(`${k}:`));
      return kind ? `${t(`audit.actor.${kind}`)} ${actor.slice(kind.length + 1)}` : actor;
    },
  };
}

const MAX_DETAILS = 400;

/** An entry's details as compact JSON text (React escapes it; nothing in it is ever markup). */
export function AuditDetails({ details }: { details?: Record<string, unknown> }) {
  if (!details || Object.keys(details).length === 0) return null;
  let text: string;
  try {
    text = JSON.stringify(details);
  } catch {
    text = String(details);
  }
  const short = text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS)}…` : text;
  return (
    <code className="audit-details" title={text.length > MAX_DETAILS ? text : undefined}>
      {short}
    </code>
  );
}

/** A short list of entries (dashboard activity, a user's history). Items are `li[data-audit-id]`. */
export function AuditList({ id, entries, emptyText }: { id: string; entries: AuditEntryView[]; emptyText: string }) {
  const { formatTime } = useI18n();
  const { actionLabel, actorLabel } = useAuditText();
  if (entries.length === 0) return <p id={id} className="audit-list__empty">{emptyText}</p>;
  return (
    <ol id={id} className="audit-list">
      {entries.map((entry) => (
        <li key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
          <time dateTime={entry.at}>{formatTime(entry.at)}</time>
          <span className="audit-list__what">
            <strong>{actionLabel(entry.action)}</strong>
            <span className="audit-list__actor">{actorLabel(entry.actor)}</span>
            {entry.target ? <span className="audit-list__target">→ {entry.target}</span> : null}
          </span>
          <AuditDetails details={entry.details} />
        </li>
      ))}
    </ol>
  );
}
