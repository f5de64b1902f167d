import { Button } from 'tdesign-react/es/button';
import type { ActivationResult } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/**
 * Step 4: what happened. Test hooks: `#activation-result[data-activated][data-unchanged][data-seats-taken]`,
 * `#activation-result-users` (`li[data-user-id]`), `#activation-again`, `#activation-to-users`.
 */
export function ResultStep({ result, contactNames, onAgain }: { result: ActivationResult; contactNames: Map<string, string>; onAgain: () => void }) {
  const { t } = useI18n();
  return (
    <div id="activation-result" className="activation-step" data-activated={result.activated.length} data-unchanged={result.unchanged.length} data-seats-taken={result.seatsTaken}>
      <div className="console-notice console-notice--success" role="status">
        {t('activation.done', { count: result.activated.length, seats: result.seatsTaken })}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('activation.result.enterprises')}</dt>
          <dd>{result.enterprisesCreated.length}</dd>
        </div>
        <div>
          <dt>{t('activation.result.unchanged')}</dt>
          <dd>{result.unchanged.length}</dd>
        </div>
        <div>
          <dt>{t('activation.result.seats')}</dt>
          <dd>{t('activation.result.seatsValue', { used: result.seats.used, total: result.seats.total, free: result.seats.free })}</dd>
        </div>
      </dl>
      {result.activated.length > 0 ? (
        <section className="drawer-section">
          <h4>{t('activation.result.users')}</h4>
          <ul id="activation-result-users" className="activation-contacts">
            {result.activated.map((u) => (
              <li key={u.userId} data-user-id={u.userId}>
                {contactNames.get(u.contactId) ?? u.contactId} <span className="mono">{u.userId}</span>
              </li>
            ))}
          </ul>
          <p className="drawer-section__hint">{t('activation.result.next')}</p>
        </section>
      ) : null}
      <div className="drawer-actions">
        <Button id="activation-to-users" theme="primary" onClick={() => navigate('/users')}>
          {t('activation.toUsers')}
        </Button>
        <Button id="activation-again" variant="outline" onClick={onAgain}>
          {t('activation.again')}
        </Button>
      </div>
    </div>
  );
}
