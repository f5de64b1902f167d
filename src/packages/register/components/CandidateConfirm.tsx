import { Button, Text, View } from '@tarojs/components';

import { useRegisterText } from '../lib/text';

/** "Is this your company?" — the fuzzy duplicate check asks; the person answers. */
export function CandidateConfirm({ name, busy, onYes, onNo }: { name: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const t = useRegisterText();
  return (
    <View id="reg-candidate" className="card candidate">
      <Text className="card__title">{t.confirm.title}</Text>
      <Text className="block">{t.confirm.body}</Text>
      <Text id="reg-candidate-name" className="strong block candidate__name">
        {name}
      </Text>
      <Button id="reg-candidate-yes" className={`btn btn--primary${busy ? ' btn--off' : ''}`} disabled={busy} onClick={onYes}>
        {t.confirm.yes}
      </Button>
      <Button id="reg-candidate-no" className={`btn btn--plain${busy ? ' btn--off' : ''}`} disabled={busy} onClick={onNo}>
        {t.confirm.no}
      </Button>
    </View>
  );
}
