import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

import { call, CallError } from '../../../services/client';
import { PrivacyPopup } from '../../../components/PrivacyPopup';
import { fill, useRegisterText } from '../lib/text';
import { MOBILE } from '../lib/validate';

// A constant condition, so webpack leaves the dev simulator out of the weapp bundle (as transport/index.ts).
const devPhoneCode = process.env.TARO_ENV === 'h5' ? (require('../lib/wechat-phone') as typeof import('../lib/wechat-phone')).devPhoneCode : null;

interface Props {
  phone: string;
  /** the number the server holds as verified for this identity (after the WeChat button) */
  verified: string | null;
  code: string;
  agreed: boolean;
  termsVersion: string;
  error?: string;
  onCode: (code: string) => void;
  onVerified: (phone: string) => void;
  onProblem: (message: string) => void;
}

/**
 * Proves the login mobile: a `register` SMS code, or WeChat's phone number (`auth.bindPhone`, which needs
 * consent first). On weapp the WeChat button is `getPhoneNumber`; in h5 the dev simulator plays it for
 * the number typed above.
 */
export function MobileVerify({ phone, verified, code, agreed, termsVersion, error, onCode, onVerified, onProblem }: Props) {
  const t = useRegisterText();
  const [wait, setWait] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isVerified = !!verified && verified === phone;

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    if (!MOBILE.test(phone)) return onProblem(t.errors.phone);
    setBusy(true);
    try {
      const r = await call('auth', 'sendSmsCode', { phone, purpose: 'register' });
      setSentTo(phone);
      setWait(r.retryAfterSeconds);
    } catch (e) {
      onProblem(e instanceof CallError ? e.message : String(e));
      if (e instanceof CallError && typeof e.params?.['retryAfterSeconds'] === 'number') setWait(e.params['retryAfterSeconds']);
    } finally {
      setBusy(false);
    }
  };

  const bind = async (phoneCode: string | undefined) => {
    if (!phoneCode) return; // the person declined WeChat's dialog
    try {
      const r = await call('auth', 'bindPhone', { phoneCode, consent: { agreed: true, termsVersion } });
      onVerified(r.mobile);
    } catch (e) {
      onProblem(e instanceof CallError ? e.message : String(e));
    }
  };

  const wechatH5 = async () => {
    if (!agreed) return onProblem(t.errors.consent);
    if (!MOBILE.test(phone)) return onProblem(t.errors.phone);
    try {
      if (devPhoneCode) await bind(await devPhoneCode(phone));
    } catch (e) {
      onProblem(e instanceof Error ? e.message : String(e));
    }
  };

  if (isVerified) {
    return (
      <View id="reg-mobile-verified" className="field">
        <Text className="verified">{fill(t.mobile.verified, { phone })}</Text>
      </View>
    );
  }
  return (
    <View className="field">
      <Text className="field__label">{t.mobile.code}</Text>
      <View className="code-row">
        <Input id="reg-sms-code" className="field__input code-row__input" type="number" maxlength={6} value={code} placeholder={t.mobile.codePlaceholder} onInput={(e) => onCode(e.detail.value)} />
        <Button id="reg-send-code" className={`btn btn--plain code-row__button${busy || wait > 0 ? ' btn--off' : ''}`} size="mini" disabled={busy || wait > 0} onClick={sendCode}>
          {wait > 0 ? fill(t.mobile.resend, { s: wait }) : t.mobile.getCode}
        </Button>
      </View>
      {sentTo && <Text className="muted small">{fill(t.mobile.sent, { phone: sentTo })}</Text>}
      {error && <Text id="reg-sms-code-error" className="field__error">{error}</Text>}
      {process.env.TARO_ENV === 'h5' ? (
        <Button id="reg-wechat-phone" className="btn btn--plain" onClick={wechatH5}>
          {t.mobile.wechat}
        </Button>
      ) : (
        <>
        <PrivacyPopup />
        <Button
          id="reg-wechat-phone"
          className="btn btn--plain"
          openType={agreed ? 'getPhoneNumber' : undefined}
          onClick={() => !agreed && onProblem(t.errors.consent)}
          onGetPhoneNumber={(e) => void bind((e.detail as { code?: string }).code)}
        >
          {t.mobile.wechat}
        </Button>
        </>
      )}
    </View>
  );
}
