import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { InputNumber } from 'tdesign-react/es/input-number';
import { QRCode } from 'tdesign-react/es/qrcode';
import { Tag } from 'tdesign-react/es/tag';
import type { OrderState } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { STATE_KEY, useOrdersText } from './messages';
import { simulatePayment } from './sandbox';
import { useFollowOrder } from './useFollowOrder';

const MAX_SEATS = 10_000;
export const STATE_THEME: Record<OrderState, 'warning' | 'success' | 'default' | 'danger'> = { created: 'warning', paid: 'success', expired: 'default', closed: 'default' };

/**
 * Choose seats → `orders.create` → the WeChat Pay code as a QR code, followed until paid, expired or
 * closed. `onSettled` tells the page to refresh its history.
 * Test hooks: `#orders-seats input`, `#orders-buy`, `#order-panel[data-state]`, `#order-qr`,
 * `#order-code-url`, `#order-no`, `#order-simulate`, `#order-result`, `#orders-buy-error`.
 */
export function PurchasePanel({ seatPriceFen, onChanged }: { seatPriceFen: number | null; onChanged: () => void }) {
  const { errorText } = useI18n();
  const { t, money, formatDateTime } = useOrdersText();
  const [seats, setSeats] = useState(10);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outTradeNo, setOutTradeNo] = useState<string | null>(null);
  const [codeUrl, setCodeUrl] = useState<string | null>(null);
  const [simulating, setSimulating] = useState(false);
  const { order, pollFailed, refresh } = useFollowOrder(outTradeNo);
  const state = order?.state ?? (outTradeNo ? 'created' : null);

  // A settled order changes the history (and the seat count elsewhere).
  useEffect(() => {
    if (order && order.state !== 'created') onChanged();
  }, [order, onChanged]);

  const buy = async () => {
    setCreating(true);
    setError(null);
    try {
      const created = await adminCall('orders.create', { seats });
      setCodeUrl(created.codeUrl);
      setOutTradeNo(created.outTradeNo);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setCreating(false);
    }
  };

  const simulate = async () => {
    if (!outTradeNo) return;
    setSimulating(true);
    setError(null);
    try {
      const r = await simulatePayment(outTradeNo);
      if (!r.accepted) setError(t('pay.simulateFailed', { status: r.status }));
      refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSimulating(false);
    }
  };

  const reset = () => {
    setOutTradeNo(null);
    setCodeUrl(null);
    setError(null);
  };

  const valid = Number.isInteger(seats) && seats >= 1 && seats <= MAX_SEATS;

  return (
    <section className="orders-buy" aria-label={t('buy.submit')}>
      {!outTradeNo ? (
        <div className="orders-buy__form">
          <label className="orders-buy__label" htmlFor="orders-seats-input">
            {t('buy.seats')}
          </label>
          <div id="orders-seats">
            <InputNumber
              inputProps={{ id: 'orders-seats-input' } as never}
              value={seats}
              min={1}
              max={MAX_SEATS}
              step={1}
              decimalPlaces={0}
              theme="normal"
              onChange={(value) => setSeats(Number(value))}
            />
          </div>
          {seatPriceFen !== null ? (
            <span className="orders-buy__price">
              {t('buy.unitPrice', { price: money(seatPriceFen) })} · <strong id="orders-total">{t('buy.total', { amount: valid ? money(seats * seatPriceFen) : '—' })}</strong>
            </span>
          ) : null}
          <Button id="orders-buy" theme="primary" loading={creating} disabled={!valid} onClick={() => void buy()}>
            {t('buy.submit')}
          </Button>
        </div>
      ) : (
        <div id="order-panel" className="orders-pay" data-state={state ?? ''}>
          <div id="order-qr" className="orders-pay__qr">
            {codeUrl ? <QRCode value={codeUrl} size={180} type="svg" status={state === 'created' ? 'active' : 'expired'} statusRender={() => null} /> : null}
          </div>
          <div className="orders-pay__facts">
            <p className="orders-pay__scan">{t('pay.scan')}</p>
            <dl>
              <dt>{t('pay.order')}</dt>
              <dd id="order-no">{outTradeNo}</dd>
              <dt>{t('pay.amount')}</dt>
              <dd id="order-amount">{order ? money(order.amount) : '…'}</dd>
            </dl>
            <code id="order-code-url" className="orders-pay__url">
              {codeUrl}
            </code>
            {order?.state === 'created' ? <p>{t('pay.expiresAt', { time: formatDateTime(order.expiresAt) })}</p> : null}
            <p id="order-result" role="status">
              {state ? (
                <Tag theme={STATE_THEME[state]} variant="light" data-state={state}>
                  {t(STATE_KEY[state])}
                </Tag>
              ) : null}{' '}
              {state === 'created' ? (pollFailed ? t('pay.pollError') : t('pay.waiting')) : null}
              {state === 'paid' && order ? t('pay.paid', { seats: order.seats }) : null}
              {state === 'expired' ? t('pay.expired') : null}
              {state === 'closed' ? t('pay.closed') : null}
            </p>
            <div className="orders-pay__actions">
              {order?.sandbox && state === 'created' ? (
                <Button id="order-simulate" variant="outline" loading={simulating} onClick={() => void simulate()} title={t('pay.simulateHint')}>
                  {t('pay.simulate')}
                </Button>
              ) : null}
              {state !== 'created' ? (
                <Button id="order-again" variant="outline" onClick={reset}>
                  {t('pay.another')}
                </Button>
              ) : null}
            </div>
            {order?.sandbox && state === 'created' ? <p className="orders-pay__hint">{t('pay.simulateHint')}</p> : null}
          </div>
        </div>
      )}
      {error ? (
        <div id="orders-buy-error" className="console-notice console-notice--error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
