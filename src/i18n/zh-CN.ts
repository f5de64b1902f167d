/** zh-CN is the primary language; `en.ts` must have exactly these keys (checked by its type). */
export const zhCN = {
  appName: '互联',
  localeToggle: 'English',
  state: {
    member: '会员',
    pending: '待审核',
    guest: '访客',
    anonymous: '未登录',
  },
  home: {
    title: '互联服务门户',
    identity: '当前身份',
    user: '用户',
    enterprise: '企业',
    pendingHint: '你的加入申请正在等待企业管理员审核。',
    login: '登录',
    articles: '公开资讯',
    loading: '加载中…',
    empty: '暂无资讯',
    retry: '重试',
    sessionFailed: '登录状态获取失败',
  },
  prompt: {
    title: '登录后可使用更多服务',
    register: '完成企业与个人信息注册后，即可查看设备、提交工单。',
    smsLogin: '已开通账号的用户，请使用预留手机号短信登录。',
    go: '去登录',
    cancel: '暂不',
  },
  portal: {
    title: '关于本门户',
    audience: '互联是企业客户服务门户，面向已开通账号的企业客户及其员工，提供设备查询、工单提交等服务。',
    closed: '当前内容仅对已登录的企业用户开放。',
  },
  article: {
    loading: '加载中…',
    missing: '缺少文章编号',
    retry: '重试',
  },
  loginPage: {
    title: '登录 / 注册',
    body: '注册与短信登录即将开放。开通后，你可以在此注册所在企业和个人信息，或使用企业预留的手机号登录。',
    back: '返回',
  },
  errors: {
    transport: '网络异常，请稍后重试',
    malformed: '服务返回了无法识别的数据',
  },
};

export type Messages = typeof zhCN;
