import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { ConsentLine } from '../../components/ConsentLine';
import { useCall } from '../../hooks/useCall';
import { useCountdown } from '../../hooks/useCountdown';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { call, isCallError } from '../../services/client';
import { MOBILE_CN as MOBILE } from '../../services/mobile';

import './index.css';

const HOME_URL = '/pages/index/index';
/** The self-registration form (subpackage `packages/register`). */
const REGISTER_URL = '/packages/register/pages/form/index';
const CODE = /^\d{6}$/;

const digits = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max);
const messageOf = (e: unknown) => (isCallError(e) || e instanceof Error ? e.message : String(e));

/**
 * SMS login for manually activated people (scenario 5): the Contact's mobile, a code, agreement to the
 * terms. The first login binds this WeChat identity to their user. Errors are the server's own words
 * (the envelope's localised message); "not now" is always offered, as WeChat's review requires.
 */
export default function LoginPage() {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const portal = useCall('auth', 'portal', {});
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // a malformed phone or code is said next to its field, before anything is sent
  const [fieldError, setFieldError] = useState<{ phone?: string; code?: string }>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [wait, startWait] = useCountdown();

  const sendCode = async () => {
    setError(null);
    setFieldError({});
    if (!MOBILE.test(phone)) return setFieldError({ phone: t.smsLogin.badPhone });
    setSending(true);
    try {
      const r = await call('auth', 'sendSmsCode', { phone, purpose: 'login' });
      setSentTo(phone);
      startWait(r.retryAfterSeconds);
    } catch (e) {
      setError(messageOf(e));
      const retry = isCallError(e) ? e.params?.['retryAfterSeconds'] : undefined;
      if (typeof retry === 'number') startWait(retry);
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    setError(null);
    setFieldError({});
    if (!MOBILE.test(phone)) return setFieldError({ phone: t.smsLogin.badPhone });
    if (!CODE.test(code)) return setFieldError({ code: t.smsLogin.badCode });
    if (!agreed) return setError(t.smsLogin.needConsent);
    if (!portal.data) return setError(portal.error?.message ?? t.home.loading);
    setSubmitting(true);
    try {
      await call('auth', 'loginBySms', { phone, code, consent: { agreed: true, termsVersion: portal.data.terms.version } });
      await refresh();
      void Taro.reLaunch({ url: HOME_URL });
    } catch (e) {
      setError(messageOf(e));
      setSubmitting(false);
    }
  };

  const notNow = () => {
    // Opened by deep link there is nothing to go back to; land on the home page instead.
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: HOME_URL });
  };

  return (
    <View id="login-page" className="page">
      <View className="card login">
        <Text className="card__title">{t.smsLogin.title}</Text>
        <Text id="login-explanation" className="login-page__text">
          {t.smsLogin.intro}
        </Text>
        <View className="login__field">
          <Text className="login__label">{t.smsLogin.phone}</Text>
          <Input id="login-phone" className="login__input" type="number" value={phone} maxlength={11} placeholder={t.smsLogin.phonePlaceholder} onInput={(e) => setPhone(digits(e.detail.value, 11))} />
          {fieldError.phone && (
            <Text id="login-phone-error" className="error-text">
              {fieldError.phone}
            </Text>
          )}
        </View>
        <View className="login__field">
          <Text className="login__label">{t.smsLogin.code}</Text>
          <View className="row">
            <Input id="login-code" className="login__input login__input--code" type="number" value={code} maxlength={6} placeholder={t.smsLogin.codePlaceholder} onInput={(e) => setCode(digits(e.detail.value, 6))} />
            <Button id="login-send-code" className={`btn btn--plain login__send${sending || wait > 0 ? ' btn--off' : ''}`} size="mini" disabled={sending || wait > 0} onClick={() => void sendCode()}>
              {wait > 0 ? t.smsLogin.resendIn.replace('{seconds}', String(wait)) : t.smsLogin.sendCode}
            </Button>
          </View>
          {fieldError.code && (
            <Text id="login-code-error" className="error-text">
              {fieldError.code}
            </Text>
          )}
        </View>
        {sentTo && !error && (
          <Text id="login-code-sent" className="hint">
            {t.smsLogin.codeSent}
          </Text>
        )}
        <ConsentLine id="login-consent" agreed={agreed} onChange={setAgreed} />
        {error && (
          <Text id="login-error" className="error-text">
            {error}
          </Text>
        )}
        <Button id="login-submit" className={`btn btn--primary${submitting ? ' btn--off' : ''}`} disabled={submitting} onClick={() => void submit()}>
          {submitting ? t.smsLogin.submitting : t.smsLogin.submit}
        </Button>
        {session?.next === 'register' && (
          <Button id="login-register" className="btn btn--plain" onClick={() => void Taro.navigateTo({ url: REGISTER_URL })}>
            {t.smsLogin.register}
          </Button>
        )}
        <Button id="login-back" className="btn btn--plain" onClick={notNow}>
          {t.smsLogin.notNow}
        </Button>
      </View>
    </View>
  );
}
