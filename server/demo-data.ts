/** Demo records for the local runtime. Ids are fixed so seeding is idempotent. */

export const DEMO_ACCOUNTS = [
  { _id: 'acc_demo_xingchen', name: '杭州星辰科技有限公司', record_type: 'customer', owner: 'sales-wang' },
  { _id: 'acc_demo_hengtai', name: '苏州恒泰精密机械股份有限公司', record_type: 'customer', owner: 'sales-li' },
  { _id: 'acc_demo_lanhai', name: '深圳市蓝海医疗器械有限公司', record_type: 'customer', owner: 'sales-wang' },
];

export const DEMO_CONTACTS = [
  { _id: 'con_demo_zhang', account_id: 'acc_demo_xingchen', name: '张伟', mobile1: '13800000001', record_type: 'customer-contact', owner: 'sales-wang' },
  { _id: 'con_demo_li', account_id: 'acc_demo_xingchen', name: '李娜', mobile1: '13800000002', record_type: 'customer-contact', owner: 'sales-wang' },
  { _id: 'con_demo_chen', account_id: 'acc_demo_hengtai', name: '陈静', mobile1: '13800000003', record_type: 'customer-contact', owner: 'sales-li' },
];

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2)).toISOString();

/** Ids sort by publication: paging is by id, newest first. */
export const DEMO_ARTICLES = [
  { _id: 'art_0001_welcome', title: '欢迎使用服务门户', summary: '在这里查看设备、提交工单、获取服务。', body: '欢迎！登录后即可查看贵公司的设备并提交工单。', public: true, published_at: at(1) },
  { _id: 'art_0002_maintenance', title: '设备保养指南', summary: '定期保养让设备更可靠。', body: '建议每季度检查一次滤网与润滑。', public: true, published_at: at(5) },
  { _id: 'art_0003_hotline', title: '7×24 小时服务热线', summary: '随时联系我们。', body: '服务热线：400-000-0000。', public: true, published_at: at(9) },
  { _id: 'art_0004_price', title: '2027 年度服务价格（会员）', summary: '仅向已注册客户开放。', body: '会员专属价格表请见附件。', public: false, published_at: at(12) },
  { _id: 'art_0005_firmware', title: '固件升级说明（会员）', summary: '新版固件修复了若干问题。', body: '升级前请备份配置。', public: false, published_at: at(20) },
];
