import { Text, View } from '@tarojs/components';

import { useI18n } from '../i18n';

/** Shown instead of content when nothing may be browsed yet: WeChat review wants the audience stated. */
export function PortalIntro() {
  const { t } = useI18n();
  return (
    <View id="portal-intro" className="card portal-intro">
      <Text className="card__title">{t.portal.title}</Text>
      <Text id="portal-audience" className="portal-intro__text">
        {t.portal.audience}
      </Text>
      <Text className="muted">{t.portal.closed}</Text>
    </View>
  );
}
