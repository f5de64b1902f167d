import { Tag } from 'tdesign-react/es/tag';
import type { MatchKind, MatchReason } from '../../contracts';
import { useI18n, type MessageKey } from '../../i18n';

type T = ReturnType<typeof useI18n>['t'];
/** the dictionary has a key for every code (account-match.ts); the template names it */
const key = (k: string) => k as MessageKey;

/** One reason in words: the matcher's codes with the words they are about (`match.why.*`). */
export function reasonText(t: T, r: MatchReason): string {
  switch (r.code) {
    case 'typo':
      return t('match.why.typo', { typed: r.typed, existing: r.existing, how: t(key(`match.how.${r.how}`)) });
    case 'legal-form-differs':
      return t('match.why.legal-form-differs', { typed: t(key(`match.form.${r.typed}`)), existing: t(key(`match.form.${r.existing}`)) });
    case 'same-name':
    case 'legal-form-missing':
      return t(key(`match.why.${r.code}`));
    default: {
      const { code, ...params } = r;
      return t(key(`match.why.${code}`), params);
    }
  }
}

const KIND_THEME: Record<MatchKind, 'danger' | 'warning' | 'primary' | 'default'> = { exact: 'danger', variant: 'warning', typo: 'warning', related: 'primary', different: 'default' };

/** The kind of match as a tag, and the reasons as a short list. Hooks: `[data-kind]`, `li[data-why]`. */
export function MatchReasons({ kind, reasons, offered }: { kind: MatchKind; reasons: MatchReason[]; offered?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="match-reasons">
      <Tag size="small" variant="light" theme={KIND_THEME[kind]} data-kind={kind}>
        {t(key(`match.kind.${kind}`))}
      </Tag>
      {offered === undefined ? null : (
        <span className="match-reasons__offer" data-offered={offered ? 'yes' : 'no'}>
          {offered ? t('match.offered') : t('match.notOffered')}
        </span>
      )}
      <ul>
        {reasons.map((r, i) => (
          <li key={i} data-why={r.code}>
            {reasonText(t, r)}
          </li>
        ))}
      </ul>
    </div>
  );
}
