import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Switch } from 'tdesign-react/es/switch';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { hasMessage, useI18n } from '../../i18n';
import { readOutbox, type OutboxMessage } from './outbox';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

const POLL_MS = 3000;

type Row = OutboxMessage & { key: string };

/**
 * The local runtime's SMS outbox: the codes that would have gone out by SMS, newest first, so a
 * developer (or a test) can log in by SMS without a phone.
 * Test hooks: `#sms-table` (rows `tr[data-phone]`), `#sms-refresh`, `#sms-follow`, `#sms-unavailable`, `#sms-error`.
 */
export default function SmsOutboxPage() {
  const { t, formatTime } = useI18n();
  const [rows, setRows] = useState<Row[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [follow, setFollow] = useState(true);
  const live = useRef(true);

  const load = useCallback(async () => {
    try {
      const messages = await readOutbox();
      if (!live.current) return;
      if (messages === null) return setState('unavailable');
      // the outbox has no ids: time + phone + position is unique enough for React keys
      setRows(messages.map((m, i) => ({ ...m, key: `${m.at}|${m.phone}|${i}` })));
      setState('ready');
      setError(null);
    } catch (e) {
      if (live.current) (setError(e), setState('ready'));
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, [load]);

  useEffect(() => {
    if (!follow || state !== 'ready') return undefined;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [follow, state, load]);

  const columns = useMemo<BaseTableCol<Row>[]>(
    () => [
      { colKey: 'at', title: t('sms.col.at'), width: 190, cell: ({ row }) => <time dateTime={row.at}>{formatTime(row.at)}</time> },
      { colKey: 'phone', title: t('sms.col.phone'), width: 140, cell: ({ row }) => <span className="mono">{row.phone}</span> },
      {
        colKey: 'purpose',
        title: t('sms.col.purpose'),
        width: 120,
        cell: ({ row }) => {
          const key = `sms.purpose.${row.purpose}`;
          return <Tag variant="light">{hasMessage(key) ? t(key) : row.purpose}</Tag>;
        },
      },
      { colKey: 'text', title: t('sms.col.text'), cell: ({ row }) => <span className="sms-text">{row.text}</span> },
    ],
    [t, formatTime],
  );

  return (
    <div className="console-card">
      <PageHeading
        title={t('sms.title')}
        description={t('sms.description')}
        actions={
          <>
            <label className="inline-switch">
              <span id="sms-follow">
                <Switch value={follow} onChange={(v) => setFollow(Boolean(v))} />
              </span>
              {t('sms.follow')}
            </label>
            <Button id="sms-refresh" variant="outline" onClick={() => void load()}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {state === 'unavailable' ? (
        <div id="sms-unavailable" className="console-notice console-notice--info" role="status">
          {t('sms.unavailable')}
        </div>
      ) : null}
      {error ? <ErrorNotice id="sms-error" error={error} onRetry={() => void load()} /> : null}
      <div id="sms-table">
        <BaseTable<Row>
          rowKey="key"
          data={rows}
          columns={columns}
          loading={state === 'loading'}
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-phone': row.phone })}
          empty={<span className="table-empty">{state === 'loading' ? '' : t('sms.empty')}</span>}
        />
      </div>
    </div>
  );
}
