/**
 * The one mainland-mobile rule (11 digits, 1[3-9]…). `core/rules` holds pure rules the server, the mini
 * program and the console all import, so a client can never accept what the server refuses: it imports
 * nothing, not even the rest of core (scripts/check-boundaries.ts).
 */
export const MOBILE_CN = /^1[3-9]\d{9}$/;
