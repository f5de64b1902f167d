import type { pagesZhCN } from './messages';

/** The shell's words (sign-in, menu, header, errors); each console area's words live in messages/<area>.ts. */
export const zhCN = {
  'app.name': '互联 Hulian',
  'app.console': '管理控制台',
  'app.loading': '加载中…',
  'app.bootError': '无法加载控制台',

  'nav.dashboard': '仪表盘',
  'nav.users': '终端用户',
  'nav.activation': '手动开通',
  'nav.accounts': '客户与联系人',
  'nav.roles': '角色与权限',
  'nav.methods': '自助注册',
  'nav.guest': '访客设置',
  'nav.licences': '许可证',
  'nav.audit': '审计日志',
  'nav.sms': '短信发件箱',
  'nav.admins': '管理员',
  'nav.orders': '购买许可',

  'header.language': '语言',
  'header.switchTo': 'English',
  'header.logout': '退出登录',
  'header.password': '修改密码',
  'password.title': '修改我的密码',
  'password.hint': '修改后，你在所有浏览器上的登录都会结束，当前页面会自动换用新的登录。',
  'password.current': '当前密码',
  'password.new': '新密码（至少 12 个字符）',
  'password.repeat': '再次输入新密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.tooShort': '至少 12 个字符',
  'password.submit': '修改密码',
  'password.done': '密码已修改，其他登录已结束',

  'login.title': '管理员登录',
  'login.subtitle': '管理终端用户、自助注册与许可证',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernamePlaceholder': '请输入用户名',
  'login.passwordPlaceholder': '请输入密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.sessionExpired': '登录已过期，请重新登录',

  'users.title': '终端用户',
  'users.description': '已在服务门户中开通账号的终端用户',
  'users.searchPlaceholder': '按姓名前缀或手机号搜索',
  'users.filter.all': '全部',
  'users.status.active': '正常',
  'users.status.pending': '待审批',
  'users.status.disabled': '已停用',
  'users.kind.guest': '访客',
  'users.col.name': '姓名',
  'users.col.enterprise': '企业',
  'users.col.status': '状态',
  'users.col.roles': '角色',
  'users.col.createdAt': '创建时间',
  'users.empty': '暂无终端用户',
  'users.emptyFiltered': '没有符合条件的终端用户',
  'users.loadError': '终端用户加载失败',
  'users.more': '加载更多',
  'users.end': '已全部加载',
  'users.shown': '已显示 {count} 位用户',

  'placeholder.title': '即将上线',
  'placeholder.description': '“{page}”页面正在建设中。',

  'common.retry': '重试',
  'common.none': '—',
  'error.network': '无法连接服务器，请检查网络后重试',
  'error.badResponse': '服务器返回了无法识别的响应，请稍后重试',
  'error.requestId': '请求编号：{id}',
} satisfies Record<string, string>;

/** Keys of the shell's dictionary (always loaded). */
export type ShellKey = keyof typeof zhCN;
/** Every key: the shell's and the pages' (registered when a page chunk loads, see registry.ts). */
export type MessageKey = ShellKey | keyof typeof pagesZhCN;
