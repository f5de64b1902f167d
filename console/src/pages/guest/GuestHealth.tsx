import { Button } from 'tdesign-react/es/button';
import { Tag } from 'tdesign-react/es/tag';
import { useI18n } from '../../i18n';
import type { HealthCheck } from './health';

/**
 * Test hooks: `#guest-health[data-healthy]`, checks `li[data-check][data-ok]`, `#guest-repair`.
 */
export function GuestHealth({ checks, enabled, onRepair, repairing }: { checks: HealthCheck[]; enabled: boolean; onRepair: () => void; repairing: boolean }) {
  const { t } = useI18n();
  const healthy = checks.every((c) => c.ok);
  const missing = !checks.find((c) => c.name === 'user')?.ok;
  return (
    <section id="guest-health" className="guest-health" data-healthy={String(healthy)}>
      <h4 className="panel-title">
        {t('guest.health.title')}
        <Tag theme={healthy ? 'success' : enabled ? 'danger' : 'default'} variant="light">
          {healthy ? t('guest.health.ok') : enabled ? t('guest.health.broken') : t('guest.health.off')}
        </Tag>
      </h4>
      <ul className="guest-health__checks">
        {checks.map((c) => (
          <li key={c.name} data-check={c.name} data-ok={String(c.ok)}>
            <span className={`guest-health__mark guest-health__mark--${c.ok ? 'ok' : 'bad'}`} aria-hidden>
              {c.ok ? '✓' : '✕'}
            </span>
            {t(`guest.check.${c.name}`)}
          </li>
        ))}
      </ul>
      {!healthy && enabled ? (
        <div className="guest-health__repair">
          <p className="drawer-section__hint">{missing ? t('guest.health.notCreated') : t('guest.health.repairHint')}</p>
          <Button id="guest-repair" theme="primary" variant="outline" loading={repairing} onClick={onRepair}>
            {t('guest.health.repair')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
