import * as accounts from './accounts';
import * as accountMatch from './account-match';
import * as admins from './admins';
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

import { registerMessages } from '../registry';

/**
 * The console areas' dictionaries. One file per area lets areas grow without touching each other;
 * each file's `en` is typed against its `zhCN`, so a missing English string is a compile error.
 * Every page imports this module (`import '../../i18n/messages'`): the words travel in the lazy page
 * chunks, not in the sign-in screen's download, and are registered before any page renders.
 */
export const pagesZhCN = {
  ...common.zhCN,
  ...dashboard.zhCN,
  ...users.zhCN,
  ...activation.zhCN,
  ...accounts.zhCN,
  ...accountMatch.zhCN,
  ...roles.zhCN,
  ...methods.zhCN,
  ...guest.zhCN,
  ...licences.zhCN,
  ...audit.zhCN,
  ...sms.zhCN,
  ...admins.zhCN,
};

export const pagesEn: Record<keyof typeof pagesZhCN, string> = {
  ...common.en,
  ...dashboard.en,
  ...users.en,
  ...activation.en,
  ...accounts.en,
  ...accountMatch.en,
  ...roles.en,
  ...methods.en,
  ...guest.en,
  ...licences.en,
  ...audit.en,
  ...sms.en,
  ...admins.en,
};

registerMessages(pagesZhCN, pagesEn);
