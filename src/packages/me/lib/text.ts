import { useI18n } from '../../../i18n';
import type { ServiceRequestCategory, ServiceRequestStatus } from '../../../services/contracts';

/** The "My" pages' own words, shipped with the subpackage. `en` must have exactly the keys of `zh`. */
const zh = {
  loading: '加载中…',
  retry: '重试',
  notifications: { title: '我的通知', empty: '暂时没有通知', markAll: '全部标为已读', unread: '未读', resubmit: '修改后重新提交' },
  registration: {
    title: '我的注册',
    status: '状态',
    pending: '等待管理员审核',
    pendingHint: '审核结果会通过通知告诉你。',
    member: '已通过，可以使用全部服务',
    none: '你还没有提交注册',
    rejected: '上次申请未通过',
    reason: '原因',
    company: '申请加入的企业',
    memberOf: '所属企业',
    name: '姓名',
    mobile: '手机号',
    submittedAt: '提交时间',
    register: '去注册',
    resubmit: '修改后重新提交',
  },
  requests: {
    title: '我的服务申请',
    empty: '你还没有提交服务申请',
    create: '新的服务申请',
    category: '类别',
    status: '状态',
    createdAt: '提交时间',
    description: '描述',
    cancel: '撤销申请',
    cancelled: '已撤销',
    confirmCancel: '确定撤销这条服务申请吗？',
  },
  category: { consultation: '咨询', installation: '安装', repair: '维修', training: '培训', other: '其他' } satisfies Record<ServiceRequestCategory, string>,
  requestStatus: { submitted: '已提交', processing: '处理中', done: '已办结', cancelled: '已撤销' } satisfies Record<ServiceRequestStatus, string>,
  bindings: {
    title: '我的绑定',
    intro: '当前微信已绑定以下用户。解除绑定后，此微信不再以该用户身份登录；用户本身和数据都会保留，之后可用手机号短信登录重新绑定。',
    user: '用户',
    company: '企业',
    mobile: '手机号',
    none: '当前微信没有绑定用户。',
    unbind: '解除绑定',
    confirm: '确定解除当前微信与该用户的绑定吗？',
    done: '已解除绑定。',
  },
};

type Text = typeof zh;

const en: Text = {
  loading: 'Loading…',
  retry: 'Retry',
  notifications: { title: 'My notifications', empty: 'No notifications yet', markAll: 'Mark all as read', unread: 'Unread', resubmit: 'Correct and send again' },
  registration: {
    title: 'My registration',
    status: 'Status',
    pending: 'Waiting for an administrator',
    pendingHint: 'You will be notified of the decision.',
    member: 'Approved: all services are open to you',
    none: 'You have not registered yet',
    rejected: 'Your last request was not approved',
    reason: 'Reason',
    company: 'Company you asked to join',
    memberOf: 'Company',
    name: 'Name',
    mobile: 'Mobile',
    submittedAt: 'Sent on',
    register: 'Register',
    resubmit: 'Correct and send again',
  },
  requests: {
    title: 'My service requests',
    empty: 'You have not sent a service request yet',
    create: 'New service request',
    category: 'Category',
    status: 'Status',
    createdAt: 'Sent on',
    description: 'Description',
    cancel: 'Cancel request',
    cancelled: 'Cancelled',
    confirmCancel: 'Cancel this service request?',
  },
  category: { consultation: 'Consulting', installation: 'Installation', repair: 'Repair', training: 'Training', other: 'Other' },
  requestStatus: { submitted: 'Submitted', processing: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  bindings: {
    title: 'My bindings',
    intro: 'This WeChat account is bound to the user below. Unbinding stops this WeChat account signing in as that user; the user and their data remain, and an SMS login binds it again.',
    user: 'User',
    company: 'Company',
    mobile: 'Mobile',
    none: 'This WeChat account is not bound to a user.',
    unbind: 'Unbind',
    confirm: 'Unbind this WeChat account from the user?',
    done: 'Unbound.',
  },
};

export function useMeText(): Text {
  return useI18n().locale === 'en' ? en : zh;
}

/** Dates as people read them: 2026-12-04 15:30, in local time. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export { RESUBMIT_KEY } from '../../../services/resubmit';
