import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useI18n } from '../../i18n';

/** Placeholder entry for SMS login and registration; the real flows arrive as subpackages. */
export default function LoginPage() {
  const { t } = useI18n();
  const back = () => {
    // Opened by deep link there is nothing to go back to; land on the home page instead.
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: '/pages/index/index' });
  };
  return (
    <View id="login-page" className="page">
      <View className="card">
        <Text className="card__title">{t.loginPage.title}</Text>
        <Text id="login-explanation" className="login-page__text">
          {t.loginPage.body}
        </Text>
        <Button id="login-back" className="btn btn--plain" onClick={back}>
          {t.loginPage.back}
        </Button>
      </View>
    </View>
  );
}
