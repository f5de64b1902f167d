/** Demo records for the local runtime. Ids are fixed so seeding is idempotent. */

export const DEMO_ACCOUNTS = [
  { _id: 'acc_demo_xingchen', name: '杭州星辰科技有限公司', record_type: 'customer', owner: 'sales-wang' },
  { _id: 'acc_demo_hengtai', name: '苏州恒泰精密机械股份有限公司', record_type: 'customer', owner: 'sales-li' },
  { _id: 'acc_demo_lanhai', name: '深圳市蓝海医疗器械有限公司', record_type: 'customer', owner: 'sales-wang' },
  { _id: 'acc_demo_yuntu', name: '北京云途物流有限公司', record_type: 'customer', owner: 'sales-li' },
];

export const DEMO_CONTACTS = [
  { _id: 'con_demo_zhang', account_id: 'acc_demo_xingchen', name: '张伟', mobile1: '13800000001', record_type: 'customer-contact', owner: 'sales-wang' },
  { _id: 'con_demo_li', account_id: 'acc_demo_xingchen', name: '李娜', mobile1: '13800000002', record_type: 'customer-contact', owner: 'sales-wang' },
  { _id: 'con_demo_chen', account_id: 'acc_demo_hengtai', name: '陈静', mobile1: '13800000003', record_type: 'customer-contact', owner: 'sales-li' },
  { _id: 'con_demo_liu', account_id: 'acc_demo_hengtai', name: '刘洋', mobile1: '13800000004', record_type: 'customer-contact', owner: 'sales-li' },
  { _id: 'con_demo_zhao', account_id: 'acc_demo_yuntu', name: '赵磊', mobile1: '13800000006', record_type: 'customer-contact', owner: 'sales-li' },
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

/**
 * Business records and demo members (seeded by server/demo-records.ts). Ids have the shape of generated
 * ones (`prefix_` + base-36 time + counter + tail), dated in the past, so paging newest-first by id puts
 * what people create after them.
 */
export const demoId = (prefix: string, iso: string, n: number) => `${prefix}_${Date.parse(iso).toString(36).padStart(9, '0')}${n.toString(36).padStart(3, '0')}demo00000000`;

/** The dev app id's fixed OpenIDs of demo members: open `/?openid=<openid>` in the h5 build to be them. */
export const DEMO_MEMBERS = [
  { openid: 'oDemoZhangWei001', user_id: 'usr_demo_zhang', contact_id: 'con_demo_zhang', account_id: 'acc_demo_xingchen', role_ids: ['account-admin'] },
  { openid: 'oDemoLiNa0000001', user_id: 'usr_demo_li', contact_id: 'con_demo_li', account_id: 'acc_demo_xingchen', role_ids: ['terminal-user'] },
  { openid: 'oDemoChenJing001', user_id: 'usr_demo_chen', contact_id: 'con_demo_chen', account_id: 'acc_demo_hengtai', role_ids: ['terminal-user'] },
] as const;

const d = (day: number) => new Date(Date.UTC(2026, 9, day, 1)).toISOString();

export const DEMO_DEVICES = [
  { _id: demoId('dev', d(1), 1), account_id: 'acc_demo_xingchen', name: '一号车间空压机', model: 'HX-AC200', serial_number: 'XC-AC-0001', status: 'running', location: '一号车间东侧', installed_at: '2024-03-18', public: false },
  { _id: demoId('dev', d(1), 2), account_id: 'acc_demo_xingchen', name: '研发楼冷水机组', model: 'HX-CH500', serial_number: 'XC-CH-0002', status: 'maintenance', location: '研发楼地下一层', installed_at: '2023-07-02', public: false },
  { _id: demoId('dev', d(1), 3), account_id: 'acc_demo_xingchen', name: '仓库除湿机', model: 'HX-DH30', serial_number: 'XC-DH-0003', status: 'stopped', location: '成品仓库', installed_at: '2025-01-09', public: false },
  { _id: demoId('dev', d(2), 1), account_id: 'acc_demo_hengtai', name: '数控加工中心 A', model: 'HT-VMC850', serial_number: 'HT-VMC-0101', status: 'running', location: '机加车间 3 号线', installed_at: '2022-11-20', public: false },
  { _id: demoId('dev', d(2), 2), account_id: 'acc_demo_hengtai', name: '激光切割机', model: 'HT-LC3015', serial_number: 'HT-LC-0102', status: 'running', location: '钣金车间', installed_at: '2024-06-01', public: false },
  { _id: demoId('dev', d(3), 1), account_id: 'acc_demo_lanhai', name: '洁净室空调机组', model: 'LH-AHU12', serial_number: 'LH-AHU-0201', status: 'running', location: '十万级洁净车间', installed_at: '2023-04-12', public: false },
  { _id: demoId('dev', d(3), 2), account_id: 'acc_demo_yuntu', name: '分拣线控制柜', model: 'YT-SC100', serial_number: 'YT-SC-0301', status: 'running', location: '顺义分拨中心', installed_at: '2025-05-30', public: false },
  // the business's showroom machines: anyone, guests included, may look them up
  { _id: demoId('dev', d(4), 1), account_id: 'acc_demo_xingchen', name: '展厅演示机：空压机', model: 'HX-AC200', serial_number: 'SHOW-AC-01', status: 'running', location: '杭州展厅', installed_at: '2025-09-01', public: true },
  { _id: demoId('dev', d(4), 2), account_id: 'acc_demo_hengtai', name: '展厅演示机：加工中心', model: 'HT-VMC850', serial_number: 'SHOW-VMC-01', status: 'running', location: '苏州展厅', installed_at: '2025-09-01', public: true },
];

const dev = (i: number) => DEMO_DEVICES[i];

export const DEMO_WORK_ORDERS = [
  { _id: demoId('wo', d(10), 1), member: 'usr_demo_zhang', device: dev(1), title: '冷水机组出水温度偏高', description: '近三天出水温度比设定值高 3℃，请安排检查。', priority: 'high', status: 'in_progress' },
  { _id: demoId('wo', d(12), 1), member: 'usr_demo_li', device: dev(0), title: '空压机异响', description: '启动后约十分钟出现周期性异响。', priority: 'normal', status: 'open' },
  { _id: demoId('wo', d(14), 1), member: 'usr_demo_li', device: dev(2), title: '除湿机无法启动', description: '面板显示 E3 故障码。', priority: 'urgent', status: 'resolved' },
  { _id: demoId('wo', d(15), 1), member: 'usr_demo_zhang', device: undefined, title: '申请年度保养计划', description: '请提供明年的保养排期。', priority: 'low', status: 'closed' },
  { _id: demoId('wo', d(16), 1), member: 'usr_demo_chen', device: dev(3), title: '主轴温升过快', description: '连续加工两小时后主轴温度超过 70℃。', priority: 'high', status: 'open' },
  { _id: demoId('wo', d(18), 1), member: 'usr_demo_chen', device: dev(4), title: '切割面毛刺', description: '更换板材后切割面毛刺明显，已撤销，改为现场沟通。', priority: 'normal', status: 'cancelled' },
] as const;
