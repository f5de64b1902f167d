import { string } from '../../kernel/schema';
import { MOBILE_CN } from '../../sms/codes';

/** Field shapes shared by the record specs. */
export const title = () => string({ min: 2, max: 80 });
export const longText = () => string({ min: 1, max: 2000 });
export const shortText = (max = 120) => string({ min: 1, max });
/** A record id (e.g. a device referenced by a work order): the store's id alphabet only. */
export const recordId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
/** `''` detaches an optional reference. */
export const recordIdOrEmpty = () => string({ max: 64, pattern: /^[A-Za-z0-9_-]*$/ });
export const isoDay = () => string({ pattern: /^\d{4}-\d{2}-\d{2}$/ });
/** a mainland mobile, the one rule every phone field shares (core/sms/codes.ts) */
export const phone = () => string({ pattern: MOBILE_CN, max: 11 });
