import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Textarea } from 'tdesign-react/es/textarea';
import { useI18n } from '../i18n';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmText?: string;
  danger?: boolean;
  /** asks for a free-text reason (e.g. rejecting a join); `run` receives it trimmed */
  reason?: { label: string; required?: boolean; maxLength: number };
  /** the call; the dialog stays open while it runs and shows the server's message if it fails */
  run: (reason: string) => Promise<void>;
}

interface Open extends ConfirmOptions {
  busy: boolean;
  error: unknown;
}

/**
 * Confirm-then-run for actions that change state (disable a user, unbind WeChat, delete a role…).
 * Failure keeps the dialog open with the server's message, so the admin sees why and can retry.
 * Test hooks: `#confirm-dialog`, `#confirm-reason textarea`, `#confirm-ok`, `#confirm-cancel`, `#confirm-error`.
 */
export function useConfirmAction(): [(options: ConfirmOptions) => void, ReactNode] {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState<Open | null>(null);
  const [reason, setReason] = useState('');
  const running = useRef(false);

  const confirm = useCallback((options: ConfirmOptions) => {
    setReason('');
    setOpen({ ...options, busy: false, error: null });
  }, []);

  const close = () => {
    if (!running.current) setOpen(null);
  };

  const ok = async () => {
    if (!open || running.current) return;
    running.current = true;
    setOpen({ ...open, busy: true, error: null });
    try {
      await open.run(reason.trim());
      running.current = false;
      setOpen(null);
    } catch (error) {
      running.current = false;
      setOpen((prev) => (prev ? { ...prev, busy: false, error } : prev));
    }
  };

  const reasonMissing = !!open?.reason?.required && reason.trim() === '';
  const element = (
    <Dialog
      visible={!!open}
      header={open?.title ?? ''}
      onClose={close}
      destroyOnClose
      width={480}
      footer={
        <div className="confirm-footer">
          <Button id="confirm-cancel" variant="outline" disabled={open?.busy} onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button id="confirm-ok" theme={open?.danger ? 'danger' : 'primary'} loading={open?.busy} disabled={reasonMissing} onClick={() => void ok()}>
            {open?.confirmText ?? t('common.confirm')}
          </Button>
        </div>
      }
    >
      <div id="confirm-dialog" className="confirm-dialog">
        {open?.body ? <div className="confirm-dialog__body">{open.body}</div> : null}
        {open?.reason ? (
          <label className="confirm-dialog__reason">
            <span>{open.reason.label}</span>
            <div id="confirm-reason">
              <Textarea value={reason} maxlength={open.reason.maxLength} autosize={{ minRows: 2, maxRows: 5 }} onChange={(value) => setReason(String(value))} />
            </div>
          </label>
        ) : null}
        {open?.error ? (
          <div id="confirm-error" className="console-notice console-notice--error" role="alert">
            {errorText(open.error)}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
  return [confirm, element];
}
