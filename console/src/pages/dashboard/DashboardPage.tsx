import { useCallback, useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Loading } from 'tdesign-react/es/loading';
import { Progress } from 'tdesign-react/es/progress';
import { AuditList } from '../../components/audit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import type { DashboardView } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { adminCall } from '../../services/admin';
import { RegistrationsChart } from './RegistrationsChart';
import './dashboard.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

/**
 * Seats, users by status, registrations per day, the approval queue and the latest audit entries — one
 * `dashboard` call.
 * Test hooks: `#dashboard-seats` (`[data-used]`, `[data-total]`, `[data-free]`), `#dashboard-users`,
 * `#dashboard-pending` (`[data-count]`), `#dashboard-review` (opens the queue), `#dashboard-chart`
 * (bars `rect[data-day][data-count]`), `#dashboard-activity` (`li[data-audit-id]`), `#dashboard-error`.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    adminCall('dashboard', {})
      .then((next) => live && setView(next))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  useEffect(load, [load]);

  return (
    <div className="dashboard">
      <div className="console-card">
        <PageHeading
          title={t('dashboard.title')}
          description={t('dashboard.description')}
          actions={
            <Button id="dashboard-refresh" variant="outline" loading={loading && !!view} onClick={load}>
              {t('common.refresh')}
            </Button>
          }
        />
        {error ? <ErrorNotice id="dashboard-error" error={error} prefix={t('dashboard.loadError')} onRetry={load} retryId="dashboard-retry" /> : null}
        {!view && loading ? <Loading loading text={t('app.loading')} className="console-page-loading" /> : null}
      </div>
      {view ? <DashboardBody view={view} /> : null}
    </div>
  );
}

function DashboardBody({ view }: { view: DashboardView }) {
  const { t } = useI18n();
  const { seats, users } = view;
  const percent = seats.total > 0 ? Math.min(100, Math.round((seats.used / seats.total) * 100)) : 0;
  const perDay = view.registrationsPerDay;
  return (
    <>
      <div className="dashboard-cards">
        <section id="dashboard-seats" className="console-card stat-card" data-used={seats.used} data-total={seats.total} data-free={seats.free}>
          <h3>{t('dashboard.seats')}</h3>
          <p className="stat-card__value">
            {seats.used} <span className="stat-card__of">/ {seats.total}</span>
          </p>
          <Progress percentage={percent} theme="line" status={seats.free === 0 ? 'error' : percent >= 90 ? 'warning' : undefined} label={false} />
          <p className="stat-card__hint">{t('dashboard.seatsFree', { free: seats.free })}</p>
          <Button variant="text" theme="primary" size="small" onClick={() => navigate('/licences')}>
            {t('dashboard.toLicences')}
          </Button>
        </section>
        <section id="dashboard-users" className="console-card stat-card" data-active={users.active} data-pending={users.pending} data-disabled={users.disabled}>
          <h3>{t('dashboard.users')}</h3>
          <p className="stat-card__value">{users.active}</p>
          <p className="stat-card__hint">{t('dashboard.usersBreakdown', { pending: users.pending, disabled: users.disabled })}</p>
          <Button variant="text" theme="primary" size="small" onClick={() => navigate('/users')}>
            {t('dashboard.toUsers')}
          </Button>
        </section>
        <section id="dashboard-pending" className={`console-card stat-card${view.pendingApprovals > 0 ? ' stat-card--attention' : ''}`} data-count={view.pendingApprovals}>
          <h3>{t('dashboard.pending')}</h3>
          <p className="stat-card__value">{view.pendingApprovals}</p>
          <p className="stat-card__hint">{view.pendingApprovals > 0 ? t('dashboard.pendingHint') : t('dashboard.pendingNone')}</p>
          <Button id="dashboard-review" variant={view.pendingApprovals > 0 ? 'base' : 'text'} theme="primary" size="small" onClick={() => navigate('/users?status=pending')}>
            {t('dashboard.review')}
          </Button>
        </section>
      </div>
      <div className="dashboard-panels">
        <section className="console-card">
          <h3 className="panel-title">
            {t('dashboard.chart.title')}
            <span className="panel-title__sub">{t('dashboard.chart.total', { total: perDay.reduce((s, d) => s + d.count, 0) })}</span>
          </h3>
          <RegistrationsChart days={perDay} />
        </section>
        <section className="console-card">
          <h3 className="panel-title">
            {t('dashboard.activity')}
            <Button variant="text" theme="primary" size="small" onClick={() => navigate('/audit')}>
              {t('dashboard.toAudit')}
            </Button>
          </h3>
          <AuditList id="dashboard-activity" entries={view.recentActivity} emptyText={t('dashboard.activityEmpty')} />
        </section>
      </div>
    </>
  );
}
