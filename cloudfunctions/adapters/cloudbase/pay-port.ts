import { wxpayFromEnv } from '../wxpay';
import { systemClock } from '../node/clock';

/** WeChat Pay from `WXPAY_*` variables (for `admin` and `payNotify`); without them, `pay/unavailable`. */
export const payFromEnv = () => wxpayFromEnv(process.env, systemClock.now, (msg, fields) => console.warn(JSON.stringify({ level: 'warn', msg, ...fields })));
