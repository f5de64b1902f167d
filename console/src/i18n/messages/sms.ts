/** The local runtime's SMS outbox page. */
export const zhCN = {
  'sms.title': '短信发件箱（本地）',
  'sms.description': '本地运行时不发送真实短信：验证码短信出现在这里，最新的在前。',
  'sms.follow': '自动刷新',
  'sms.unavailable': '当前环境没有本地短信发件箱（仅在本地运行时开启开发模拟器时可用）。',
  'sms.empty': '还没有短信',
  'sms.col.at': '时间',
  'sms.col.phone': '手机号',
  'sms.col.purpose': '用途',
  'sms.col.text': '内容',
  'sms.purpose.login': '登录',
  'sms.purpose.bind': '绑定',
  'sms.purpose.register': '注册',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zhCN, string> = {
  'sms.title': 'SMS outbox (local)',
  'sms.description': 'The local runtime sends no real SMS: verification texts land here, newest first.',
  'sms.follow': 'Auto refresh',
  'sms.unavailable': 'There is no local SMS outbox here (only the local runtime with its dev simulators has one).',
  'sms.empty': 'No messages yet',
  'sms.col.at': 'Time',
  'sms.col.phone': 'Mobile',
  'sms.col.purpose': 'Purpose',
  'sms.col.text': 'Text',
  'sms.purpose.login': 'Login',
  'sms.purpose.bind': 'Bind',
  'sms.purpose.register': 'Register',
};
