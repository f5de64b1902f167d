import { useI18n } from '../../../i18n';
import type { DeviceStatus, ServiceRequestCategory, WorkOrderPriority, WorkOrderStatus } from '../../../services/contracts';

/**
 * The subpackage's own words: kept out of the main dictionaries so they ship with the subpackage, not
 * with the first screen. `en` must have exactly the keys of `zh` (checked by its type).
 */
const zh = {
  loading: '加载中…',
  retry: '重试',
  more: '加载更多',
  noMore: '没有更多了',
  denied: '你的角色没有此项权限。',
  devices: { title: '设备', empty: '暂无可查看的设备', model: '型号', serial: '序列号', location: '位置', installedAt: '安装日期', report: '报修', recentOrders: '该设备的工单', noOrders: '暂无工单' },
  deviceStatus: { running: '运行中', stopped: '已停机', maintenance: '维护中', retired: '已退役' } satisfies Record<DeviceStatus, string>,
  workOrders: { title: '工单', empty: '还没有工单', create: '提交工单', by: '提交人', device: '设备', createdAt: '提交时间', updatedAt: '更新时间', priority: '优先级', description: '问题描述' },
  workOrderStatus: { open: '待处理', in_progress: '处理中', resolved: '已解决', closed: '已关闭', cancelled: '已撤销' } satisfies Record<WorkOrderStatus, string>,
  /** the button that moves an order to this status */
  workOrderAction: { open: '重新打开', in_progress: '开始处理', resolved: '标记已解决', closed: '确认完成', cancelled: '撤销工单' } satisfies Record<WorkOrderStatus, string>,
  priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' } satisfies Record<WorkOrderPriority, string>,
  form: {
    newTitle: '提交工单',
    title: '标题',
    titlePlaceholder: '一句话说明问题，如“空压机异响”',
    description: '问题描述',
    descriptionPlaceholder: '现象、出现时间、已尝试的处理…',
    priority: '优先级',
    device: '相关设备（可选）',
    noDevice: '不关联设备',
    submit: '提交',
    submitting: '提交中…',
    titleTooShort: '请填写至少 2 个字的标题',
    descriptionMissing: '请填写问题描述',
  },
  service: {
    title: '服务申请',
    category: '服务类型',
    subject: '主题',
    subjectPlaceholder: '如“新设备安装”',
    description: '需求说明',
    contactName: '联系人',
    contactPhone: '联系手机',
    contactHintGuest: '访客提交需留下联系方式，以便我们与你联系。',
    contactHintMember: '留空则使用你账号中的联系方式。',
    submit: '提交申请',
    done: '申请已提交',
    doneHint: '我们会尽快与你联系。',
    again: '再提交一条',
    home: '返回首页',
    contactMissing: '请填写联系人和联系电话',
    badPhone: '请输入 11 位手机号，如 13800000000',
  },
  category: { consultation: '咨询', installation: '安装', repair: '维修', training: '培训', other: '其他' } satisfies Record<ServiceRequestCategory, string>,
};

export type RecordsText = typeof zh;

const en: RecordsText = {
  loading: 'Loading…',
  retry: 'Retry',
  more: 'Load more',
  noMore: 'No more',
  denied: 'Your roles do not allow this.',
  devices: { title: 'Devices', empty: 'No devices to show', model: 'Model', serial: 'Serial no.', location: 'Location', installedAt: 'Installed', report: 'Report a fault', recentOrders: 'Work orders for this device', noOrders: 'No work orders' },
  deviceStatus: { running: 'Running', stopped: 'Stopped', maintenance: 'In maintenance', retired: 'Retired' },
  workOrders: { title: 'Work orders', empty: 'No work orders yet', create: 'New work order', by: 'Submitted by', device: 'Device', createdAt: 'Submitted', updatedAt: 'Updated', priority: 'Priority', description: 'Description' },
  workOrderStatus: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed', cancelled: 'Cancelled' },
  workOrderAction: { open: 'Reopen', in_progress: 'Start', resolved: 'Mark resolved', closed: 'Confirm done', cancelled: 'Cancel order' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  form: {
    newTitle: 'New work order',
    title: 'Title',
    titlePlaceholder: 'The problem in a few words',
    description: 'Description',
    descriptionPlaceholder: 'What happens, since when, what you tried…',
    priority: 'Priority',
    device: 'Device (optional)',
    noDevice: 'No device',
    submit: 'Submit',
    submitting: 'Submitting…',
    titleTooShort: 'Please enter a title of at least 2 characters',
    descriptionMissing: 'Please describe the problem',
  },
  service: {
    title: 'Service request',
    category: 'Type',
    subject: 'Subject',
    subjectPlaceholder: 'e.g. "Install a new machine"',
    description: 'Details',
    contactName: 'Contact name',
    contactPhone: 'Mobile',
    contactHintGuest: 'As a guest, please leave a way to reach you.',
    contactHintMember: 'Leave empty to use the details on your account.',
    submit: 'Send request',
    done: 'Request sent',
    doneHint: 'We will get back to you soon.',
    again: 'Send another',
    home: 'Back to home',
    contactMissing: 'Please enter a contact name and phone number',
    badPhone: 'Please enter an 11-digit mainland mobile number, e.g. 13800000000',
  },
  category: { consultation: 'Consulting', installation: 'Installation', repair: 'Repair', training: 'Training', other: 'Other' },
};

export function useRecordsText(): RecordsText {
  return useI18n().locale === 'en' ? en : zh;
}

/** Dates on the wire are ISO timestamps; people read the day (and time where it matters). */
export const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
export const dayTime = (iso: string | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');
