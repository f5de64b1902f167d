import { Button, Text, View } from '@tarojs/components';

import { useI18n } from '../i18n';
import type { NextStep } from '../services/contracts';

interface Props {
  next: NextStep | undefined;
  onGo: () => void;
  onCancel: () => void;
}

/** WeChat's rules: a login prompt explains why and can always be declined ("暂不"). */
export function LoginPrompt({ next, onGo, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <View id="login-prompt" className="card login-prompt">
      <Text className="card__title">{t.prompt.title}</Text>
      <Text className="login-prompt__text">{next === 'sms-login' ? t.prompt.smsLogin : t.prompt.register}</Text>
      <View className="row row--end">
        <Button id="login-prompt-cancel" className="btn btn--plain" size="mini" onClick={onCancel}>
          {t.prompt.cancel}
        </Button>
        <Button id="login-prompt-go" className="btn btn--primary" size="mini" onClick={onGo}>
          {t.prompt.go}
        </Button>
      </View>
    </View>
  );
}
