import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { fill, useRegisterText } from '../lib/text';

/** After registering: a member at once, or waiting for an administrator to approve the join. */
export function Result({ state, accountName }: { state: 'member' | 'pending'; accountName: string }) {
  const t = useRegisterText();
  const pending = state === 'pending';
  return (
    <View id="reg-result" className="card result" data-state={state}>
      <Text id="reg-result-title" className="card__title">
        {pending ? t.result.pendingTitle : t.result.memberTitle}
      </Text>
      <Text id="reg-result-state" className="hidden-state">
        {state}
      </Text>
      <Text id="reg-result-body" className="block">
        {fill(pending ? t.result.pendingBody : t.result.memberBody, { name: accountName })}
      </Text>
      <Button id="reg-result-home" className="btn btn--primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
        {t.result.home}
      </Button>
    </View>
  );
}
