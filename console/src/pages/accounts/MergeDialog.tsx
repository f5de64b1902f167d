import { useEffect, useState } from 'react';
import { Alert } from 'tdesign-react/es/alert';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Loading } from 'tdesign-react/es/loading';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { MergePreview, MergeResult } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { MatchReasons } from './MatchReasons';

export interface MergePair {
  keepId: string;
  mergeId: string;
}

/**
 * Merge one Account into another, after a preview of what moves and how the names compare. The admin can
 * swap which one is kept. Test hooks: `#merge-dialog`, `#merge-keep[data-account-id]`,
 * `#merge-away[data-account-id]`, `#merge-moves`, `[data-warning]`, `#merge-swap`, `#merge-confirm`, `#merge-error`.
 */
export function MergeDialog({ pair, onClose, onMerged }: { pair: MergePair | null; onClose: () => void; onMerged: (result: MergeResult) => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<MergePair | null>(pair);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setCurrent(pair), [pair]);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!current) return undefined;
    let live = true;
    adminCall('accounts.mergePreview', current)
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [current]);

  const merge = async () => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      onMerged(await adminCall('accounts.merge', current));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={pair !== null}
      header={t('merge.title')}
      width={640}
      onClose={onClose}
      destroyOnClose
      footer={
        <>
          <Button id="merge-swap" variant="outline" disabled={!current || busy} onClick={() => current && setCurrent({ keepId: current.mergeId, mergeId: current.keepId })}>
            {t('merge.swap')}
          </Button>
          <Button id="merge-confirm" theme="danger" loading={busy} disabled={!preview} onClick={() => void merge()}>
            {t('merge.confirm')}
          </Button>
        </>
      }
    >
      <div id="merge-dialog" className="merge-dialog">
        {!preview && !error ? <Loading size="small" loading /> : null}
        {preview ? (
          <>
            <dl className="merge-dialog__sides">
              <dt>{t('merge.keep')}</dt>
              <dd id="merge-keep" data-account-id={preview.keep.id}>
                {preview.keep.name} {preview.keep.creditCode ? <span className="mono">{preview.keep.creditCode}</span> : null}
              </dd>
              <dt>{t('merge.mergeAway')}</dt>
              <dd id="merge-away" data-account-id={preview.merge.id}>
                {preview.merge.name} {preview.merge.creditCode ? <span className="mono">{preview.merge.creditCode}</span> : null}
              </dd>
            </dl>
            <MatchReasons kind={preview.kind} reasons={preview.reasons} />
            <p id="merge-moves">{t('merge.moves', { ...preview.moves })}</p>
            {preview.inProgress ? <Alert theme="info" message={t('merge.inProgress')} /> : null}
            {preview.warnings.map((w) => (
              <Alert key={w} theme="warning" message={t(`merge.warning.${w}`)} data-warning={w} />
            ))}
          </>
        ) : null}
        {error ? <ErrorNotice id="merge-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
