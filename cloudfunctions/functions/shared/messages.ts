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
  'registration/confirm-candidate': '已有名称相近的企业「{candidateName}」，请确认是否为贵公司。',
  'registration/already-registered': '您已完成注册，无需重复提交。',
  'registration/not-pending': '该用户没有待审核的加入申请。',
  'registration/method-not-found': '注册方式不存在。',
  'registration/rate-limited': '查询过于频繁，请 {retryAfterSeconds} 秒后再试。',
  'auth/rate-limited': '操作过于频繁，请 {retryAfterSeconds} 秒后再试。',
  'auth/mobile-bound-elsewhere': '该手机号已绑定其他用户。',
  'registry/unavailable': '工商信息查询暂不可用，请稍后再试。',
  'access/denied': '您没有权限执行此操作。',
  'records/not-found': '记录不存在。',
  'records/invalid-state': '该记录当前的状态不允许此操作。',
  'function/not-found': '服务不存在。',
  'licence/exhausted': '终端用户许可已用完，请联系服务商增购许可。',
  'sms/code-invalid': '验证码不正确。',
  'sms/code-expired': '验证码已过期，请重新获取。',
  'sms/too-many-attempts': '验证码错误次数过多，请重新获取。',
  'sms/rate-limited': '发送过于频繁，请 {retryAfterSeconds} 秒后再试。',
  'roles/immutable': '内置的访客角色不可修改。',
  'roles/not-found': '角色不存在。',
  'roles/in-use': '该角色仍被 {users} 个用户、{methods} 个注册方式使用，请先取消分配后再删除。',
  'roles/builtin': '内置角色不可删除。',
  'users/not-found': '用户不存在。',
  'accounts/not-found': '客户不存在。',
  'contacts/not-found': '联系人不存在。',
  'accounts/duplicate': '已有同名或同一信用代码的客户：{accountName}。',
  'auth/wechat-bound-elsewhere': '当前微信已绑定其他账号。请先在原账号中解除微信绑定，再用短信登录。',
  'activation/no-contact': '该客户没有联系人，无法开通。',
  'activation/disabled': '手动开通未启用。',
  'pay/invalid-notification': '支付通知无效。',
  'pay/unavailable': '微信支付暂不可用，请稍后再试。',
  'orders/not-found': '订单不存在。',
  'orders/closed': '订单已关闭或已过期，无法支付。',
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
  'registration/confirm-candidate': 'A company with a similar name exists: "{candidateName}". Please confirm whether it is yours.',
  'registration/already-registered': 'You have already registered.',
  'registration/not-pending': 'This user has no join request waiting for approval.',
  'registration/method-not-found': 'The registration method does not exist.',
  'registration/rate-limited': 'Too many look-ups. Please try again in {retryAfterSeconds} s.',
  'auth/rate-limited': 'Too many attempts. Please try again in {retryAfterSeconds} s.',
  'auth/mobile-bound-elsewhere': 'This mobile number is bound to another user.',
  'registry/unavailable': 'The business registry is not available right now. Please try again later.',
  'access/denied': 'You are not allowed to do this.',
  'records/not-found': 'The record does not exist.',
  'records/invalid-state': 'This is not allowed in the record\'s current state.',
  'function/not-found': 'No such service.',
  'licence/exhausted': 'All Terminal User licences are in use. Please ask your service provider for more seats.',
  'sms/code-invalid': 'The verification code is incorrect.',
  'sms/code-expired': 'The verification code has expired. Please request a new one.',
  'sms/too-many-attempts': 'Too many wrong codes. Please request a new one.',
  'sms/rate-limited': 'Too many requests. Please try again in {retryAfterSeconds} s.',
  'roles/immutable': 'The built-in Guest role cannot be changed.',
  'roles/not-found': 'The role does not exist.',
  'roles/in-use': 'The role is still assigned to {users} user(s) and {methods} registration method(s); unassign it first.',
  'roles/builtin': 'Built-in roles cannot be deleted.',
  'users/not-found': 'The user does not exist.',
  'accounts/not-found': 'The customer account does not exist.',
  'contacts/not-found': 'The contact does not exist.',
  'accounts/duplicate': 'A customer account with the same name or credit code exists: {accountName}.',
  'auth/wechat-bound-elsewhere': 'This WeChat account is already bound to another user. Unbind WeChat from that user first, then log in by SMS.',
  'activation/no-contact': 'This account has no contact and cannot be activated.',
  'activation/disabled': 'Manual activation is switched off.',
  'pay/invalid-notification': 'Invalid payment notification.',
  'pay/unavailable': 'WeChat Pay is not available right now. Please try again later.',
  'orders/not-found': 'The order does not exist.',
  'orders/closed': 'The order is closed or expired and can no longer be paid.',
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
