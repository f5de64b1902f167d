/**
 * Region words that prefix or bracket Chinese company names (杭州…, …(北京)…, 深圳市…). Names keep the
 * region, split off from the rest: 杭州星辰 and 苏州星辰 are two companies, while 星辰 (no region) may be
 * either. Cities know their province, so 浙江星辰 and 杭州星辰 are not treated as a conflict.
 *
 * Level 0: the country; 1: a province-level division; 2: a city (municipalities are both 1 and 2).
 */
const PROVINCE_CITIES: Record<string, string> = {
  北京: '北京',
  上海: '上海',
  天津: '天津',
  重庆: '重庆',
  河北: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水',
  山西: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁',
  内蒙古: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布',
  辽宁: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛',
  吉林: '长春 吉林 四平 辽源 通化 白山 松原 白城 延边',
  黑龙江: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化',
  江苏: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 常熟',
  浙江: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌',
  安徽: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城',
  福建: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德',
  江西: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶',
  山东: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽',
  河南: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店',
  湖北: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施',
  湖南: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西',
  广东: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮',
  广西: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左',
  海南: '海口 三亚 三沙 儋州',
  四川: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳',
  贵州: '贵阳 六盘水 遵义 安顺 毕节 铜仁',
  云南: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理 西双版纳',
  西藏: '拉萨 日喀则 昌都 林芝 山南 那曲',
  陕西: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛',
  甘肃: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南',
  青海: '西宁 海东',
  宁夏: '银川 石嘴山 吴忠 固原 中卫',
  新疆: '乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁',
  香港: '香港',
  澳门: '澳门',
  台湾: '台北 高雄 台中',
};

export interface Region {
  /** the region's short name (深圳, not 深圳市) */
  name: string;
  level: 0 | 1 | 2;
  /** for cities: their province-level division */
  province?: string;
}

const REGIONS = new Map<string, Region>();
REGIONS.set('中国', { name: '中国', level: 0 });
for (const [province, cities] of Object.entries(PROVINCE_CITIES)) {
  for (const city of cities.split(' ')) if (city !== province) REGIONS.set(city, { name: city, level: 2, province });
  // municipalities (北京, 上海, …) are provinces and cities at once
  REGIONS.set(province, cities === province ? { name: province, level: 2, province } : { name: province, level: 1 });
}

/** English (pinyin) names of the regions English company names carry: Acme Foods (Shanghai) Co., Ltd. */
const ENGLISH_NAMES: Record<string, string> = {
  china: '中国', prc: '中国', beijing: '北京', shanghai: '上海', tianjin: '天津', chongqing: '重庆', guangzhou: '广州',
  shenzhen: '深圳', hangzhou: '杭州', suzhou: '苏州', nanjing: '南京', wuhan: '武汉', chengdu: '成都', xian: '西安',
  xiamen: '厦门', qingdao: '青岛', dalian: '大连', ningbo: '宁波', wuxi: '无锡', dongguan: '东莞', foshan: '佛山',
  zhuhai: '珠海', changsha: '长沙', zhengzhou: '郑州', jinan: '济南', hefei: '合肥', fuzhou: '福州', kunming: '昆明',
  shenyang: '沈阳', harbin: '哈尔滨', hongkong: '香港', macau: '澳门', macao: '澳门', taiwan: '台湾', guangdong: '广东',
  zhejiang: '浙江', jiangsu: '江苏', shandong: '山东', fujian: '福建', sichuan: '四川', hubei: '湖北', hunan: '湖南',
};
for (const [en, zh] of Object.entries(ENGLISH_NAMES)) {
  const region = REGIONS.get(zh);
  if (region) REGIONS.set(en, region);
}

/** Administrative suffixes a region word may carry: 深圳市, 浙江省, 广西壮族自治区, 香港特别行政区. */
const ADMIN_SUFFIXES = ['特别行政区', '壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '自治州', '省', '市', '地区', '盟', '区', '县'];

const LONGEST = Math.max(...[...REGIONS.keys()].map((k) => k.length));

/** The region at the start of `text` with its administrative suffix, longest first (哈尔滨 before 哈…). */
export function leadingRegion(text: string): { region: Region; length: number } | null {
  for (let len = Math.min(LONGEST, text.length); len >= 2; len--) {
    const region = REGIONS.get(text.slice(0, len));
    if (!region) continue;
    const rest = text.slice(len);
    const suffix = ADMIN_SUFFIXES.find((s) => rest.startsWith(s)) ?? '';
    return { region, length: len + suffix.length };
  }
  return null;
}

/** `text` is exactly one region word (with or without its suffix): 北京, 北京市, 中国. */
export function wholeRegion(text: string): Region | null {
  const lead = leadingRegion(text);
  return lead && lead.length === text.length ? lead.region : null;
}

export function regionByName(name: string): Region | undefined {
  return REGIONS.get(name);
}

/**
 * Two regions could describe the same company: equal, one missing, the country, or a city and its own
 * province. 杭州 vs 苏州, or 浙江 vs 江苏, conflict.
 */
export function regionsCompatible(a: string, b: string): boolean {
  if (!a || !b || a === b || a === '中国' || b === '中国') return true;
  const ra = REGIONS.get(a);
  const rb = REGIONS.get(b);
  if (!ra || !rb) return false;
  return ra.province === b || rb.province === a;
}
