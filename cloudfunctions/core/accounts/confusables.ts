/**
 * Characters people type for one another. Chinese is typed through pinyin, so the usual slip is a
 * homophone (星晨 for 星辰); handwriting and OCR give look-alikes (己/已). English slips are keyboard
 * neighbours, swapped, doubled or dropped letters. A one-character difference of any other kind is a
 * different name (星光 is not 星辰).
 *
 * Homophones: common characters of company names by toneless syllable. Tones are ignored on purpose: an
 * IME candidate list mixes them.
 */
const SYLLABLES = `
a:阿啊 ai:爱艾碍 an:安按岸案暗 ang:昂盎 ao:奥澳傲敖
ba:八巴拔霸坝 bai:百柏白佰拜 ban:板版办班邦斑 bang:邦帮榜棒 bao:宝保报包豹堡 bei:北贝倍备蓓 ben:本奔 bi:必碧比毕壁 bian:边变便 biao:标彪 bin:宾彬斌滨 bing:兵冰秉炳丙 bo:博波柏铂泊勃 bu:步布部
cai:财才彩材采 can:灿 cang:苍仓沧 cao:草曹 ce:策 cen:岑 ceng:层 chang:昌长常畅场 chao:超朝潮 che:车彻 chen:辰晨陈宸臣尘沉 cheng:成诚城程承呈骋 chi:驰池赤 chong:崇冲 chu:楚初储 chuan:川传船 chuang:创窗 chun:春淳纯 ci:慈瓷 cong:聪丛 cui:翠 cun:村 cuo:
da:大达 dai:代岱 dan:丹 dang:当 dao:道导 de:德得 deng:登邓灯 di:迪地帝 dian:典电点 ding:鼎顶定丁 dong:东冬动栋 du:都杜 duan:端 dun:盾敦
e:鄂 en:恩 er:尔
fa:发法 fan:凡帆繁 fang:方芳房坊 fei:飞菲斐 fen:芬 feng:丰峰锋风枫凤 fu:福富复甫
gang:港钢刚 gao:高 ge:格阁 geng:耕 gong:工公功宫 gu:古谷固 guan:冠观 guang:光广 gui:贵桂 guo:国果
hai:海 han:瀚翰汉涵韩 hang:航杭 hao:浩昊豪好 he:和禾合河荷 heng:恒衡亨 hong:宏鸿弘红虹洪 hou:厚 hu:虎湖 hua:华化花 huai:怀 huan:环欢寰 huang:皇煌黄 hui:汇会辉晖慧惠 hun:浑 huo:火
ji:吉基际季骥 jia:嘉佳家加 jian:建健剑坚 jiang:江疆 jiao:骄 jie:杰捷洁 jin:金锦今进晋津 jing:京景晶精经静 jiu:久九玖 ju:聚巨 jun:君俊骏峻
kai:凯开铠 kang:康 ke:科可克 kun:坤昆
lan:蓝兰澜岚 lang:朗 le:乐 lei:雷蕾 li:力立利丽 lian:联莲 liang:良亮梁 lin:林霖麟 ling:领凌灵 liu:流六 long:龙隆 lu:路鲁禄陆 lv:绿律 luo:罗
ma:马码 mai:迈 man:满曼 mao:茂 mei:美梅 meng:盟蒙 mi:米 min:敏民闽 ming:明铭名鸣 mu:木沐牧
na:纳娜 nan:南楠 neng:能 ning:宁凝 nuo:诺
ou:欧鸥
pai:派 pan:攀 peng:鹏蓬 pin:品 ping:平萍 pu:浦普朴
qi:启企奇琪齐 qian:千乾谦 qiang:强 qiao:桥乔 qin:勤秦琴 qing:青清庆晴 qiu:秋 quan:全泉 qun:群
ran:然 rong:荣融蓉 rui:瑞睿锐 run:润闰
sen:森 shan:山杉珊 shang:尚上商 shen:深申 sheng:盛胜升生圣晟 shi:世士时石实 shu:舒树 shuang:双 shui:水 shun:顺舜 si:思斯 song:松嵩 su:苏素
tai:泰太台 tan:坦 tang:唐棠 teng:腾藤 tian:天添田 tong:通同童桐彤 tu:途图 tuo:拓
wan:万 wang:旺望 wei:伟威维为畏卫位唯薇 wen:文温 wo:沃 wu:武伍吾
xi:希喜曦熙西 xia:夏 xian:先鲜贤 xiang:祥翔香湘 xiao:晓 xin:新信鑫心欣芯馨 xing:星兴行邢 xiong:雄 xu:旭徐 xuan:宣轩萱 xue:学雪
ya:亚雅 yan:燕岩延炎 yang:阳洋扬杨 yao:耀瑶 ye:业烨 yi:一亿易益怡 yin:银音 ying:英盈赢鹰 yong:永勇 you:优友 yu:宇玉宇裕誉 yuan:元源远园 yue:悦越岳 yun:云运芸
ze:泽 zhan:展 zhang:章彰 zhao:兆昭 zhe:哲 zhen:振真臻 zheng:正政 zhi:志智致至 zhong:中忠众重钟 zhou:洲周舟 zhu:竹珠 zhuo:卓 zi:紫梓 zong:宗
`;

/** Look-alike groups (shape, not sound). */
const LOOK_ALIKES = '己已巳 未末 士土 日曰 戊戌戍 候侯 辨辩辫 赢嬴 睛晴 拨拔 微徽 崇祟 汩汨 陕陜 天夭 千干 王玉 人入 贝见 折拆 治冶 免兔 鸟乌 肓盲 茶荼 菅管 祗祇 壶壸 輝辉 華华 東东 國国';

const SOUND = new Map<string, string>();
for (const group of SYLLABLES.trim().split(/\s+/)) {
  const [, chars = ''] = group.split(':');
  const members = Array.from(chars);
  // A character with two readings keeps the first group it appears in.
  for (const ch of members) if (!SOUND.has(ch)) SOUND.set(ch, members[0]);
}

const SHAPE = new Map<string, string>();
/** per look-alike group, one representative that also stands for the sound of whichever member has one */
const SHAPE_CANON = new Map<string, string>();
for (const group of LOOK_ALIKES.split(' ')) {
  const members = Array.from(group);
  const canon = members.map((m) => SOUND.get(m)).find((s) => s !== undefined) ?? members[0];
  for (const ch of members) {
    if (!SHAPE.has(ch)) SHAPE.set(ch, members[0]);
    if (!SHAPE_CANON.has(ch)) SHAPE_CANON.set(ch, canon);
  }
}

export const homophones = (a: string, b: string): boolean => a !== b && SOUND.has(a) && SOUND.get(a) === SOUND.get(b);
export const lookAlikes = (a: string, b: string): boolean => a !== b && SHAPE.has(a) && SHAPE.get(a) === SHAPE.get(b);

/**
 * One representative per sound and shape, so that 星辰 and 星晨 share their index bigrams and a
 * homophone typo is found at all (the scorer then decides whether it is one).
 */
export function canonicalChar(ch: string): string {
  return SHAPE_CANON.get(ch) ?? SOUND.get(ch) ?? ch;
}

export const canonicalText = (text: string): string => Array.from(text, canonicalChar).join('');

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_AT = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, r) => Array.from(row).forEach((ch, c) => KEY_AT.set(ch, [r, c])));

/** Neighbouring keys on a QWERTY keyboard (same row or the rows above and below, staggered). */
export function keyboardNeighbours(a: string, b: string): boolean {
  const pa = KEY_AT.get(a);
  const pb = KEY_AT.get(b);
  if (!pa || !pb || a === b) return false;
  const dr = pb[0] - pa[0];
  const dc = pb[1] - pa[1];
  if (dr === 0) return Math.abs(dc) === 1;
  // rows are staggered: the key below-left of `w` is `a`, below is `s`
  if (dr === 1) return dc === -1 || dc === 0;
  if (dr === -1) return dc === 1 || dc === 0;
  return false;
}
