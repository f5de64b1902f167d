import { Button } from 'tdesign-react/es/button';
import { RoleSelect } from '../../components/RoleSelect';
import type { ActivationPreview, RoleView } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/**
 * Step 3: roles for every new user, and what the request will cost: seats it takes against seats free.
 * Test hooks: `#activation-roles`, `#activation-seats[data-needed][data-free][data-enough]`, `#activation-blocked`.
 */
export function ReviewStep({ preview, roles, roleIds, onRoleIds }: { preview: ActivationPreview; roles: RoleView[]; roleIds: string[]; onRoleIds: (ids: string[]) => void }) {
  const { t } = useI18n();
  const { seats, seatsNeeded } = preview;
  const newUsers = preview.accounts.flatMap((a) => a.contacts.filter((c) => c.willActivate));
  const unchanged = preview.accounts.flatMap((a) => a.contacts.filter((c) => c.selected && !c.willActivate));
  const newEnterprises = preview.accounts.filter((a) => !a.enterpriseId).length;

  return (
    <div className="activation-step activation-review">
      <section className="drawer-section">
        <h4>{t('activation.rolesTitle')}</h4>
        <p className="drawer-section__hint">{t('activation.rolesHint')}</p>
        <RoleSelect id="activation-roles" roles={roles} value={roleIds} onChange={onRoleIds} />
      </section>

      <section id="activation-seats" className="seat-summary" data-needed={seatsNeeded} data-free={seats.free} data-enough={String(preview.enoughSeats)}>
        <div>
          <span className="seat-summary__value">{seatsNeeded}</span>
          <span>{t('activation.seatsNeeded')}</span>
        </div>
        <div>
          <span className="seat-summary__value">{seats.free}</span>
          <span>{t('activation.seatsFree', { total: seats.total })}</span>
        </div>
        <div>
          <span className="seat-summary__value">{Math.max(0, seats.free - seatsNeeded)}</span>
          <span>{t('activation.seatsAfter')}</span>
        </div>
      </section>

      <ul className="activation-review__facts">
        <li>{t('activation.willCreateUsers', { count: newUsers.length, names: newUsers.map((c) => c.name).join('、') || t('common.none') })}</li>
        <li>{t('activation.willCreateEnterprises', { count: newEnterprises })}</li>
        {unchanged.length > 0 ? <li>{t('activation.unchangedContacts', { count: unchanged.length })}</li> : null}
      </ul>

      {!preview.manualActivation ? (
        <div id="activation-blocked" className="console-notice console-notice--warning" data-reason="switch-off" role="alert">
          {t('activation.switchOff')}
        </div>
      ) : !preview.canActivate ? (
        <div id="activation-blocked" className="console-notice console-notice--warning" data-reason="permission" role="alert">
          {t('activation.noPermission')}
        </div>
      ) : !preview.enoughSeats ? (
        <div id="activation-blocked" className="console-notice console-notice--warning" data-reason="seats" role="alert">
          <span>{t('activation.notEnoughSeats', { needed: seatsNeeded, free: seats.free })}</span>
          <Button size="small" variant="outline" onClick={() => navigate('/orders')}>
            {t('activation.buySeats')}
          </Button>
        </div>
      ) : seatsNeeded === 0 ? (
        <div id="activation-blocked" className="console-notice console-notice--info" data-reason="nothing" role="status">
          {t('activation.nothingToDo')}
        </div>
      ) : null}
    </div>
  );
}
