import type { WechatCaller } from '../ports';

/** Deterministic binding ids make "one person, one user" a property of the store, not of timing. */
export const wechatBindingId = (caller: Pick<WechatCaller, 'appid' | 'openid'>): string => `wx:${caller.appid}:${caller.openid}`;
export const unionBindingId = (unionid: string): string => `union:${unionid}`;
export const mobileBindingId = (mobile: string): string => `mobile:${mobile}`;

/** The dedicated Guest Account initialisation creates: guest data lives here, nobody's customer data. */
export const GUEST_ACCOUNT_ID = 'acc_guest';
export const GUEST_ENTERPRISE_ID = 'ent_guest';
export const GUEST_USER_ID = 'usr_guest';
export const GUEST_CONTACT_ID = 'con_guest';
