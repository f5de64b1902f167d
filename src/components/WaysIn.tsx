import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import type { SessionValue } from '../hooks/useSession';
import { useI18n } from '../i18n';
import { REGISTRATION_ENTRY } from '../services/permissions';

const WORDS = {
  'zh-CN': {
    title: '开始使用',
    sms: '我已有账号',
    smsHint: '用企业登记的手机号短信登录',
    register: '注册',
    registerHint: '登记企业和个人信息',
    browse: '先随便看看',
    browseHint: '以访客身份浏览公开内容',
    noBrowse: '本门户暂不开放访客浏览，请登录或注册。',
  },
  en: {
    title: 'Get started',
    sms: 'I already have an account',
    smsHint: 'Sign in with an SMS code to the mobile your company registered',
    register: 'Register',
    registerHint: 'Register your company and yourself',
    browse: 'Just browse',
    browseHint: 'Look around as a guest',
    noBrowse: 'Browsing as a guest is not open here; please sign in or register.',
  },
};

const LOGIN_URL = '/pages/login/index';

/**
 * Every way in, one tap from home: SMS login for people already activated, registration where the
 * portal takes it, browsing where guests are allowed (tried, since only the server knows).
 */
export function WaysIn({ value }: { value: Pick<SessionValue, 'session' | 'loginAsGuest'> }) {
  const { locale } = useI18n();
  const w = WORDS[locale];
  const s = value.session;
  const [noGuests, setNoGuests] = useState(false);
  // visitors, guests, and people with a user of their own but no Account yet (openid-auto): an activated
  // person on a new WeChat account needs SMS login from here too
  const autoUser = s?.state === 'member' && !s.account;
  if (!s || (s.state !== 'anonymous' && s.state !== 'guest' && !autoUser)) return null;
  const browse = () => void value.loginAsGuest().catch(() => setNoGuests(true));
  return (
    <View id="ways-in" className="section">
      <Text className="section__title">{w.title}</Text>
      <View className="entries">
        <View id="way-sms-login" className="card entry tappable" onClick={() => void Taro.navigateTo({ url: LOGIN_URL })}>
          <Text className="entry__label">{w.sms}</Text>
          <Text className="muted small">{w.smsHint}</Text>
        </View>
        {s.next === 'register' && (
          <View id="way-register" className="card entry tappable" onClick={() => void Taro.navigateTo({ url: REGISTRATION_ENTRY })}>
            <Text className="entry__label">{w.register}</Text>
            <Text className="muted small">{w.registerHint}</Text>
          </View>
        )}
        {s.state === 'anonymous' && !noGuests && (
          <View id="way-browse" className="card entry tappable" onClick={browse}>
            <Text className="entry__label">{w.browse}</Text>
            <Text className="muted small">{w.browseHint}</Text>
          </View>
        )}
      </View>
      {noGuests && <Text className="hint">{w.noBrowse}</Text>}
    </View>
  );
}
