import { useCallback, useState } from 'react';
import { OrdersHistory } from './OrdersHistory';
import { PurchasePanel } from './PurchasePanel';
import { useOrdersText } from './messages';
import './orders.css';

/** Buying Terminal User seats with WeChat Pay, and the history of those purchases. */
export default function OrdersPage() {
  const { t } = useOrdersText();
  const [reloadKey, setReloadKey] = useState(0);
  const [seatPriceFen, setSeatPriceFen] = useState<number | null>(null);
  const reload = useCallback(() => setReloadKey((n) => n + 1), []);

  return (
    <div className="console-card orders-page">
      <div className="page-heading">
        <div>
          <h2>{t('title')}</h2>
          <p>{t('description')}</p>
        </div>
      </div>
      <PurchasePanel seatPriceFen={seatPriceFen} onChanged={reload} />
      <OrdersHistory reloadKey={reloadKey} onPrice={setSeatPriceFen} />
    </div>
  );
}
