import * as accounts from './accounts';
import * as activation from './activation';
import * as audit from './audit';
import * as common from './common';
import * as dashboard from './dashboard';
import * as guest from './guest';
import * as licences from './licences';
import * as methods from './methods';
import * as roles from './roles';
import * as sms from './sms';
import * as users from './users';

/**
 * The console areas' dictionaries, merged into zh-CN.ts / en.ts. One file per area keeps the shared
 * dictionaries small and lets areas grow without touching each other; each file's `en` is typed
 * against its `zhCN`, so a missing English string is a compile error.
 */
export const pagesZhCN = {
  ...common.zhCN,
  ...dashboard.zhCN,
  ...users.zhCN,
  ...activation.zhCN,
  ...accounts.zhCN,
  ...roles.zhCN,
  ...methods.zhCN,
  ...guest.zhCN,
  ...licences.zhCN,
  ...audit.zhCN,
  ...sms.zhCN,
};

export const pagesEn: Record<keyof typeof pagesZhCN, string> = {
  ...common.en,
  ...dashboard.en,
  ...users.en,
  ...activation.en,
  ...accounts.en,
  ...roles.en,
  ...methods.en,
  ...guest.en,
  ...licences.en,
  ...audit.en,
  ...sms.en,
};
