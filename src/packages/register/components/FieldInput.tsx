import { Input, Picker, Text, Textarea, View } from '@tarojs/components';

import type { Field } from '../../../services/contracts';
import { useRegisterText } from '../lib/text';

interface Props {
  /** `account` or `contact`: element ids are `reg-{section}-{name}` */
  section: string;
  field: Field;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/** One field of the method's layout: text, phone, email, number, textarea, select (chips) or date (picker). */
export function FieldInput({ section, field, value, error, disabled, onChange, onBlur }: Props) {
  const t = useRegisterText();
  const id = `reg-${section}-${field.name}`;
  let control;
  if (field.type === 'textarea') {
    control = <Textarea id={id} className="field__textarea" value={value} maxlength={field.maxLength ?? 500} disabled={disabled} onInput={(e) => onChange(e.detail.value)} onBlur={onBlur} />;
  } else if (field.type === 'select') {
    control = (
      <View id={id} className="chips">
        {(field.options ?? []).map((o) => (
          <Text key={o.value} id={`${id}-${o.value}`} className={`chip${o.value === value ? ' chip--on' : ''}`} onClick={() => !disabled && onChange(o.value)}>
            {o.label}
          </Text>
        ))}
      </View>
    );
  } else if (field.type === 'date') {
    control = (
      <Picker mode="date" value={value || '2020-01-01'} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className={`field__input${value ? '' : ' muted'}`}>
          {value || field.label}
        </View>
      </Picker>
    );
  } else {
    const type = field.type === 'phone' ? 'number' : field.type === 'number' ? 'digit' : 'text';
    control = <Input id={id} className="field__input" type={type} value={value} maxlength={field.maxLength ?? 100} disabled={disabled} onInput={(e) => onChange(e.detail.value)} onBlur={onBlur} />;
  }
  return (
    <View className="field">
      <Text className="field__label">
        {field.label}
        {field.required && <Text className="required-mark">{t.requiredMark}</Text>}
      </Text>
      {control}
      {error && (
        <Text id={`${id}-error`} className="field__error">
          {error}
        </Text>
      )}
    </View>
  );
}
