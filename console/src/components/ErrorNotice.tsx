import { Button } from 'tdesign-react/es/button';
import { useI18n } from '../i18n';
import { AdminCallError } from '../services/admin';

/**
 * A failed call, in words: the server's localised message verbatim (its code decides nothing here), and
 * the request id when the message does not already carry it, so support can find the log line.
 */
export function ErrorNotice({ id, error, prefix, onRetry, retryId }: { id: string; error: unknown; prefix?: string; onRetry?: () => void; retryId?: string }) {
  const { t, errorText } = useI18n();
  const text = errorText(error);
  const requestId = error instanceof AdminCallError ? error.requestId : undefined;
  return (
    <div id={id} className="console-notice console-notice--error" role="alert" data-code={error instanceof AdminCallError ? error.code : undefined}>
      <span>
        {prefix ? `${prefix}: ` : ''}
        {text}
        {requestId && !text.includes(requestId) ? <span className="console-notice__request"> {t('error.requestId', { id: requestId })}</span> : null}
      </span>
      {onRetry ? (
        <Button id={retryId} size="small" variant="outline" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}
