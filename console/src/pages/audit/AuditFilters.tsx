import { useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { Select } from 'tdesign-react/es/select';
import { useAuditText } from '../../components/audit';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { AUDIT_ACTIONS } from '../../i18n/messages/audit';

export interface AuditFilter {
  actor: string;
  action: string;
  target: string;
  /** calendar days (the admin's local time, YYYY-MM-DD), inclusive; '' = open */
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: AuditFilter = { actor: '', action: '', target: '', fromDay: '', toDay: '' };

/** Local calendar days → the ISO instants `audit.list` takes (`to` exclusive: the day after the last). */
export function rangeOf(fromDay: string, toDay: string): { from?: string; to?: string } {
  const start = (day: string, plus = 0) => {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(y!, m! - 1, d! + plus);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  };
  const from = fromDay ? start(fromDay) : undefined;
  const to = toDay ? start(toDay, 1) : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * The time range is two native date inputs: TDesign's DateRangePicker would add ~80 kB to this page
 * for two calendar fields.
 * Filters are applied with "Search" (each is an exact match on an index, so half-typed words would only
 * find nothing). Test hooks: `#audit-actor input`, `#audit-action`, `#audit-target input`, `#audit-from`, `#audit-to`,
 * `#audit-apply`, `#audit-reset`.
 */
export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const { actionLabel } = useAuditText();
  const [draft, setDraft] = useState<AuditFilter>(value);
  // a filter set from outside (a click on an actor or target in the table) shows up here too
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = () => onApply({ ...draft, actor: draft.actor.trim(), action: draft.action.trim(), target: draft.target.trim() });

  return (
    <div className="users-toolbar audit-filters">
      <Input {...domId('audit-actor')} className="audit-filters__input" clearable value={draft.actor} placeholder={t('audit.filter.actorPlaceholder')} aria-label={t('audit.filter.actor')} onChange={(v) => set({ actor: String(v) })} onEnter={apply} />
      <div id="audit-action" className="audit-filters__select">
        <Select filterable creatable clearable value={draft.action} placeholder={t('audit.filter.actionPlaceholder')} onChange={(v) => set({ action: String(v ?? '') })}>
          {AUDIT_ACTIONS.map((a) => (
            <Select.Option key={a} value={a} label={actionLabel(a)}>
              <span data-option={a}>
                {actionLabel(a)}
              </span>
            </Select.Option>
          ))}
        </Select>
      </div>
      <Input {...domId('audit-target')} className="audit-filters__input" clearable value={draft.target} placeholder={t('audit.filter.targetPlaceholder')} aria-label={t('audit.filter.target')} onChange={(v) => set({ target: String(v) })} onEnter={apply} />
      <span className="audit-filters__range" role="group" aria-label={t('audit.filter.range')}>
        <input id="audit-from" className="native-date" type="date" value={draft.fromDay} max={draft.toDay || undefined} aria-label={t('audit.filter.from')} onChange={(e) => set({ fromDay: e.target.value })} />
        <span aria-hidden>–</span>
        <input id="audit-to" className="native-date" type="date" value={draft.toDay} min={draft.fromDay || undefined} aria-label={t('audit.filter.to')} onChange={(e) => set({ toDay: e.target.value })} />
      </span>
      <Button id="audit-apply" theme="primary" onClick={apply}>
        {t('audit.filter.apply')}
      </Button>
      <Button
        id="audit-reset"
        variant="outline"
        onClick={() => {
          setDraft(NO_FILTER);
          onApply(NO_FILTER);
        }}
      >
        {t('audit.filter.reset')}
      </Button>
    </div>
  );
}
