import { Loading } from 'tdesign-react/es/loading';
import { Tag } from 'tdesign-react/es/tag';
import type { AdminActions } from '../../contracts';
import { useI18n } from '../../i18n';
import { MatchReasons } from './MatchReasons';

type Answer = AdminActions['accounts.findDuplicates']['out'];

/**
 * What the duplicate check says about the name being typed: possible duplicates with their score and
 * why, or "no similar Account". `#account-duplicates[data-state="checking|none|found"]`, candidates
 * `li[data-candidate-id][data-reason]` with their kind `[data-kind]`, `[data-offered]` and reasons `li[data-why]`.
 */
export function DuplicateHint({ answer, checking, error }: { answer: Answer | null; checking: boolean; error: unknown }) {
  const { t, errorText } = useI18n();
  if (!answer && !checking && !error) return null;
  const state = checking ? 'checking' : answer && answer.candidates.length > 0 ? 'found' : 'none';
  return (
    <div id="account-duplicates" className={`duplicate-hint duplicate-hint--${state}`} data-state={state} aria-live="polite">
      {checking ? <Loading size="small" loading text={t('accounts.dup.checking')} /> : null}
      {!checking && error ? <span className="duplicate-hint__error">{errorText(error)}</span> : null}
      {!checking && answer && answer.candidates.length === 0 ? <span>{t('accounts.dup.none')}</span> : null}
      {!checking && answer && answer.candidates.length > 0 ? (
        <>
          <strong>{t('accounts.dup.found', { count: answer.candidates.length })}</strong>
          <ul>
            {answer.candidates.map((c) => (
              <li key={c.id} data-candidate-id={c.id} data-reason={c.reason}>
                <span className="duplicate-hint__name">{c.name}</span>
                <Tag size="small" variant="light" theme={c.reason === 'fuzzy' ? 'warning' : 'danger'}>
                  {c.reason === 'exact' ? t('accounts.dup.exact') : c.reason === 'credit-code' ? t('accounts.dup.creditCode') : t('accounts.dup.fuzzy', { score: Math.round(c.score * 100) })}
                </Tag>
                {c.creditCode ? <span className="mono">{c.creditCode}</span> : null}
                {/* the same judgement the registrant's check makes, and whether a registrant would be offered it */}
                <MatchReasons kind={c.kind} reasons={c.reasons} offered={c.offered} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
