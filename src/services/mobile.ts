/** The one mainland-mobile rule (11 digits, 1[3-9]…), shared with the server so both say the same. */
export { MOBILE_CN } from '../../cloudfunctions/core/rules/mobile';
