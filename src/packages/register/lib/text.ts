import { useI18n } from '../../../i18n';

/**
 * The registration subpackage's own words, shipped with it rather than with the first screen. `en` must
 * have exactly the keys of `zh` (checked by its type). `{x}` is filled in by `fill`.
 */
const zh = {
  title: '企业注册',
  intro: '填写所在企业与个人信息并验证手机号，即可开通服务。',
  loading: '加载中…',
  retry: '重试',
  company: '企业信息',
  person: '个人信息',
  requiredMark: '*',
  errors: {
    required: '请填写{label}',
    choose: '请选择{label}',
    phone: '请输入 11 位手机号',
    email: '邮箱格式不正确',
    date: '请选择有效日期',
    number: '请输入数字',
    pattern: '{label}格式不正确',
    tooLong: '{label}最多 {max} 个字',
    pickCompany: '请先搜索并选择企业',
    verify: '请获取并填写短信验证码，或使用微信手机号验证',
    consent: '请先阅读并同意服务条款和隐私政策',
  },
  search: {
    existingPlaceholder: '输入企业名称，至少 4 个字',
    registryPlaceholder: '输入企业名称，查询工商登记',
    button: '搜索',
    searching: '搜索中…',
    none: '未找到匹配的企业',
    tooShort: '请至少输入 {min} 个字',
    chosen: '已选择',
    change: '重新选择',
    code: '统一社会信用代码',
    status: { active: '存续', revoked: '吊销', cancelled: '注销' },
  },
  mobile: {
    getCode: '获取验证码',
    resend: '{s} 秒后重发',
    code: '短信验证码',
    codePlaceholder: '6 位数字',
    sent: '验证码已发送至 {phone}',
    wechat: '使用微信手机号',
    verified: '已验证 {phone}',
  },
  consent: {
    prefix: '我已阅读并同意',
    terms: '《服务条款》',
    and: '和',
    privacy: '《隐私政策》',
  },
  nameHint: '系统中已有该企业。提交后需企业管理员审核；若您的手机号已登记为该企业联系人，将直接通过。',
  confirm: {
    title: '这是您的企业吗？',
    body: '系统中已有名称相近的企业：',
    yes: '是，加入该企业',
    no: '不是，注册为新企业',
    typoTitle: '您是不是要找：',
    typoBody: '系统中有一家名称几乎相同的企业，您填写的可能有错别字：',
    typed: '您填写的是「{typed}」',
    keepMine: '不是，按「{typed}」注册新企业',
    why: {
      typo: '“{typed}”和“{existing}”是{how}',
      sameBrand: '字号相同：{words}',
      regionMissing: '您未填写地区（{region}）',
      wordsMissing: '您未填写：{words}',
      wordsExtra: '您多写了：{words}',
      abbreviation: '“{typed}”是“{existing}”的缩写',
      legalFormMissing: '您未填写公司类型',
    },
    how: { homophone: '同音字', 'look-alike': '形近字', keyboard: '相邻键', transposed: '字母颠倒', doubled: '重复输入', dropped: '漏输入', extra: '多输入' },
  },
  submit: '提交注册',
  submitting: '提交中…',
  notNow: '暂不注册',
  result: {
    memberTitle: '注册成功',
    memberBody: '您已加入「{name}」，现在可以使用全部服务。',
    pendingTitle: '等待审核',
    pendingBody: '您已申请加入「{name}」。企业管理员审核通过前，您只能查看和提交自己的数据。',
    home: '进入首页',
  },
};

type Text = typeof zh;

const en: Text = {
  title: 'Company registration',
  intro: 'Tell us about your company and yourself and verify your mobile to start using the services.',
  loading: 'Loading…',
  retry: 'Retry',
  company: 'Company',
  person: 'About you',
  requiredMark: '*',
  errors: {
    required: 'Please fill in {label}',
    choose: 'Please choose {label}',
    phone: 'Please enter an 11-digit mobile number',
    email: 'This is not a valid email address',
    date: 'Please pick a valid date',
    number: 'Please enter a number',
    pattern: '{label} is not in the right format',
    tooLong: '{label} can have at most {max} characters',
    pickCompany: 'Please search for and choose your company',
    verify: 'Please enter the SMS code, or verify with your WeChat mobile',
    consent: 'Please read and accept the terms of service and the privacy policy',
  },
  search: {
    existingPlaceholder: 'Company name, at least 4 characters',
    registryPlaceholder: 'Company name, as registered',
    button: 'Search',
    searching: 'Searching…',
    none: 'No matching company',
    tooShort: 'Please type at least {min} characters',
    chosen: 'Chosen',
    change: 'Choose again',
    code: 'Credit code',
    status: { active: 'Active', revoked: 'Revoked', cancelled: 'Deregistered' },
  },
  mobile: {
    getCode: 'Get code',
    resend: 'Resend in {s} s',
    code: 'SMS code',
    codePlaceholder: '6 digits',
    sent: 'Code sent to {phone}',
    wechat: 'Use my WeChat mobile',
    verified: 'Verified {phone}',
  },
  consent: {
    prefix: 'I have read and accept the ',
    terms: 'Terms of Service',
    and: ' and the ',
    privacy: 'Privacy Policy',
  },
  nameHint: 'This company is already registered. An administrator will review your request, unless your mobile is on file as one of its contacts.',
  confirm: {
    title: 'Is this your company?',
    body: 'A company with a similar name is already registered:',
    yes: 'Yes, join it',
    no: 'No, register a new company',
    typoTitle: 'Did you mean:',
    typoBody: 'A company with an almost identical name is registered; yours may contain a typo:',
    typed: 'You entered "{typed}"',
    keepMine: 'No, register "{typed}" as a new company',
    why: {
      typo: '"{typed}" and "{existing}": {how}',
      sameBrand: 'Same brand: {words}',
      regionMissing: 'You gave no region ({region})',
      wordsMissing: 'You left out: {words}',
      wordsExtra: 'You added: {words}',
      abbreviation: '"{typed}" abbreviates "{existing}"',
      legalFormMissing: 'You gave no legal form',
    },
    how: { homophone: 'same-sounding characters', 'look-alike': 'look-alike characters', keyboard: 'neighbouring keys', transposed: 'swapped letters', doubled: 'a doubled letter', dropped: 'a missing letter', extra: 'an extra letter' },
  },
  submit: 'Register',
  submitting: 'Submitting…',
  notNow: 'Not now',
  result: {
    memberTitle: 'You are registered',
    memberBody: 'You have joined "{name}" and can use all services now.',
    pendingTitle: 'Waiting for approval',
    pendingBody: 'You asked to join "{name}". Until an administrator approves, you can only see and submit your own data.',
    home: 'Go to the home page',
  },
};

export type RegisterText = Text;

export function useRegisterText(): Text {
  return useI18n().locale === 'en' ? en : zh;
}

/** `fill('{label} is required', {label: 'Name'})` */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ''));
}
