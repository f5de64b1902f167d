import type { ErrorCode, Locale } from '../../core/contracts';

type Dict = Record<ErrorCode, string>;

/** Localised at the edge: core raises codes, the router turns them into words. `{name}` is a param. */
const zh: Dict = {
  'input/invalid': '输入有误：{field}',
  'input/malformed': '请求格式错误，无法解析。',
  'auth/unauthenticated': '请先登录。',
  'auth/not-activated': '您的账号尚未开通，请联系服务商为您开通后再登录。',
  'auth/disabled': '您的账号已被停用，请联系服务商。',
  'guest/disabled': '本门户未开放访客浏览。',
  'registration/disabled': '本门户未开放自助注册。',
  'registration/required': '请先完成注册。',
  'registration/pending-approval': '您的加入申请正在等待管理员审核。',
  'registration/account-not-found': '未找到该客户。',
  'access/denied': '您没有权限执行此操作。',
  'records/not-found': '记录不存在。',
  'function/not-found': '服务不存在。',
  'licence/exhausted': '终端用户许可已用完，请联系服务商增购许可。',
  'sms/code-invalid': '验证码不正确。',
  'sms/code-expired': '验证码已过期，请重新获取。',
  'sms/too-many-attempts': '验证码错误次数过多，请重新获取。',
  'sms/rate-limited': '发送过于频繁，请 {retryAfterSeconds} 秒后再试。',
  'roles/immutable': '内置的访客角色不可修改。',
  'roles/not-found': '角色不存在。',
  'activation/no-contact': '该客户没有联系人，无法开通。',
  'activation/disabled': '手动开通未启用。',
  'pay/invalid-notification': '支付通知无效。',
  'admin/invalid-credentials': '用户名或密码错误。',
  'admin/locked': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试。',
  'conflict/concurrent-update': '数据已被他人修改，请刷新后重试。',
  internal: '服务暂时不可用，请稍后再试（请求编号 {requestId}）。',
};

const en: Dict = {
  'input/invalid': 'Invalid input: {field}',
  'input/malformed': 'The request could not be parsed.',
  'auth/unauthenticated': 'Please log in first.',
  'auth/not-activated': 'Your account has not been activated. Please ask your service provider to activate it.',
  'auth/disabled': 'Your account has been disabled. Please contact your service provider.',
  'guest/disabled': 'Guest browsing is not available on this portal.',
  'registration/disabled': 'Self-registration is not available on this portal.',
  'registration/required': 'Please register first.',
  'registration/pending-approval': 'Your request to join is waiting for an administrator to approve it.',
  'registration/account-not-found': 'That customer account was not found.',
  'access/denied': 'You are not allowed to do this.',
  'records/not-found': 'The record does not exist.',
  'function/not-found': 'No such service.',
  'licence/exhausted': 'All Terminal User licences are in use. Please ask your service provider for more seats.',
  'sms/code-invalid': 'The verification code is incorrect.',
  'sms/code-expired': 'The verification code has expired. Please request a new one.',
  'sms/too-many-attempts': 'Too many wrong codes. Please request a new one.',
  'sms/rate-limited': 'Too many requests. Please try again in {retryAfterSeconds} s.',
  'roles/immutable': 'The built-in Guest role cannot be changed.',
  'roles/not-found': 'The role does not exist.',
  'activation/no-contact': 'This account has no contact and cannot be activated.',
  'activation/disabled': 'Manual activation is switched off.',
  'pay/invalid-notification': 'Invalid payment notification.',
  'admin/invalid-credentials': 'Wrong user name or password.',
  'admin/locked': 'Too many failed logins; the account is locked. Try again in {minutes} min.',
  'conflict/concurrent-update': 'Someone else changed this; please reload and try again.',
  internal: 'The service is temporarily unavailable. Please try again later (request {requestId}).',
};

const DICTS: Record<Locale, Dict> = { 'zh-CN': zh, en };

export function localise(code: ErrorCode, locale: Locale, params: Record<string, string | number | boolean> = {}): string {
  const template = DICTS[locale][code] ?? DICTS['zh-CN'][code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ''));
}

/** `Accept-Language: en-US,en;q=0.9` → en; anything else → zh-CN (the default). */
export function pickLocale(explicit: unknown, acceptLanguage?: string): Locale {
  if (explicit === 'en' || explicit === 'zh-CN') return explicit;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
