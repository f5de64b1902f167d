import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

import { useCall } from '../../../hooks/useCall';
import { useI18n } from '../../../i18n';

import './legal.css';

/**
 * The service terms or the privacy policy, inside the mini program: the portal's name, the terms version a
 * login or registration agrees to, a default text in the reader's language, and, when the admin set one, the
 * full text's address. WeChat cannot open arbitrary web pages (no business domain), so there it is copied;
 * on h5 it is a normal link.
 */
export function LegalPage({ kind }: { kind: 'terms' | 'privacy' }) {
  const { t } = useI18n();
  const portal = useCall('auth', 'portal', {});
  const title = kind === 'terms' ? t.legal.termsTitle : t.legal.privacyTitle;
  const body = kind === 'terms' ? t.legal.termsBody : t.legal.privacyBody;
  const url = portal.data ? (kind === 'terms' ? portal.data.terms.url : portal.data.terms.privacyUrl) : '';

  useEffect(() => {
    Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  const copy = () =>
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: t.legal.copied, icon: 'none' }));

  return (
    <View id={`legal-${kind}-page`} className="page">
      <View className="card">
        <Text id="legal-title" className="legal__title">
          {title}
        </Text>
        {portal.data ? (
          <>
            <View className="legal__fact">
              <Text className="legal__label">{t.legal.portal}</Text>
              <Text id="legal-portal" className="legal__value">
                {portal.data.name}
              </Text>
            </View>
            <View className="legal__fact">
              <Text className="legal__label">{t.legal.version}</Text>
              <Text id="legal-version" className="legal__value">
                {portal.data.terms.version}
              </Text>
            </View>
          </>
        ) : portal.error ? (
          <Text className="muted">{portal.error.message}</Text>
        ) : (
          <Text className="muted">{t.legal.loading}</Text>
        )}
      </View>
      <View id="legal-body" className="card">
        {body.map((p, i) => (
          <Text key={i} className="legal__para">
            {p}
          </Text>
        ))}
      </View>
      {url && (
        <View id="legal-online" className="card">
          <Text className="legal__label">{t.legal.online}</Text>
          {process.env.TARO_ENV === 'h5' ? (
            <a id="legal-url" className="legal__url" href={url} target="_blank" rel="noopener noreferrer">
              {url}
            </a>
          ) : (
            <Text id="legal-url" className="legal__url" userSelect onClick={copy}>
              {url}
            </Text>
          )}
          {process.env.TARO_ENV !== 'h5' && (
            <Text id="legal-copy" className="link" onClick={copy}>
              {t.legal.copy}
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
