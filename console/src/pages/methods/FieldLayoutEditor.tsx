import { useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Checkbox } from 'tdesign-react/es/checkbox';
import { Input } from 'tdesign-react/es/input';
import { InputNumber } from 'tdesign-react/es/input-number';
import { Select } from 'tdesign-react/es/select';
import { Textarea } from 'tdesign-react/es/textarea';
import type { FieldLayout, FieldType } from '../../contracts';
import { useI18n } from '../../i18n';

const TYPES: readonly FieldType[] = ['text', 'textarea', 'phone', 'email', 'number', 'date', 'select'];
type Option = NonNullable<FieldLayout['options']>[number];

/** Options as lines of `value|中文|English` (the English label optional). */
function parseOptions(text: string): Option[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', label = '', labelEn] = line.split('|').map((part) => part.trim());
      return labelEn ? { value, label, labelEn } : { value, label };
    });
}
const formatOptions = (options: Option[] = []) => options.map((o) => [o.value, o.label, ...(o.labelEn ? [o.labelEn] : [])].join('|')).join('\n');

/** What is wrong with a layout, as message keys per field index (empty when it can be saved). */
export function layoutProblems(fields: FieldLayout[]): Map<number, 'methods.field.nameMissing' | 'methods.field.nameTaken' | 'methods.field.labelMissing' | 'methods.field.optionsMissing'> {
  const problems = new Map<number, 'methods.field.nameMissing' | 'methods.field.nameTaken' | 'methods.field.labelMissing' | 'methods.field.optionsMissing'>();
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (!f.name.trim()) problems.set(i, 'methods.field.nameMissing');
    else if (seen.has(f.name.trim())) problems.set(i, 'methods.field.nameTaken');
    else if (!f.label.trim()) problems.set(i, 'methods.field.labelMissing');
    else if (f.type === 'select' && !(f.options ?? []).some((o) => o.value && o.label)) problems.set(i, 'methods.field.optionsMissing');
    seen.add(f.name.trim());
  });
  return problems;
}

/**
 * A form's field layout: each field's key, labels, type, required flag, length, pattern and options,
 * in order. Test hooks: `#<id>` with rows `[data-field-index]` (`[data-field-name]` inputs inside), `#<id>-add`.
 */
export function FieldLayoutEditor({ id, fields, onChange }: { id: string; fields: FieldLayout[]; onChange: (fields: FieldLayout[]) => void }) {
  const { t } = useI18n();
  const problems = layoutProblems(fields);
  const patch = (i: number, change: Partial<FieldLayout>) => onChange(fields.map((f, j) => (j === i ? clean({ ...f, ...change }) : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    next.splice(i + by, 0, f!);
    onChange(next);
  };

  return (
    <div id={id} className="field-layout">
      <div className="field-layout__main field-layout__head" aria-hidden>
        <span>{t('methods.field.name')}</span>
        <span>{t('methods.field.label')}</span>
        <span>{t('methods.field.labelEn')}</span>
        <span>{t('methods.field.type')}</span>
      </div>
      {fields.map((f, i) => (
        <div key={i} className={`field-layout__row${problems.has(i) ? ' has-problem' : ''}`} data-field-index={i}>
          <div className="field-layout__main">
            <Input value={f.name} size="small" maxlength={40} placeholder={t('methods.field.name')} data-field-name onChange={(v) => patch(i, { name: String(v) })} />
            <Input value={f.label} size="small" maxlength={40} placeholder={t('methods.field.label')} onChange={(v) => patch(i, { label: String(v) })} />
            <Input value={f.labelEn ?? ''} size="small" maxlength={40} placeholder={t('methods.field.labelEn')} onChange={(v) => patch(i, { labelEn: String(v) })} />
            <Select size="small" value={f.type} onChange={(v) => patch(i, { type: v as FieldType })}>
              {TYPES.map((type) => (
                <Select.Option key={type} value={type} label={t(`methods.fieldType.${type}`)}>
                  <span data-option={type}>{t(`methods.fieldType.${type}`)}</span>
                </Select.Option>
              ))}
            </Select>
            <Checkbox checked={f.required} onChange={(on) => patch(i, { required: on })}>
              {t('methods.field.required')}
            </Checkbox>
            <span className="field-layout__buttons">
              <Button size="small" variant="text" disabled={i === 0} aria-label={t('methods.field.up')} onClick={() => move(i, -1)}>
                ↑
              </Button>
              <Button size="small" variant="text" disabled={i === fields.length - 1} aria-label={t('methods.field.down')} onClick={() => move(i, 1)}>
                ↓
              </Button>
              <Button size="small" variant="text" theme="danger" disabled={fields.length <= 1} aria-label={t('methods.field.remove')} onClick={() => onChange(fields.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </span>
          </div>
          <div className="field-layout__more">
            <InputNumber size="small" theme="normal" value={f.maxLength} min={1} max={1000} decimalPlaces={0} placeholder={t('methods.field.maxLength')} onChange={(v) => patch(i, { maxLength: v === undefined || v === '' ? undefined : Number(v) })} />
            <Input value={f.pattern ?? ''} size="small" maxlength={200} placeholder={t('methods.field.pattern')} onChange={(v) => patch(i, { pattern: String(v) })} />
            {f.type === 'select' ? <OptionsEditor key={`${i}:${f.name}`} options={f.options} onChange={(options) => patch(i, { options })} /> : null}
          </div>
          {problems.has(i) ? <p className="field-layout__problem">{t(problems.get(i)!)}</p> : null}
        </div>
      ))}
      <Button id={`${id}-add`} size="small" variant="dashed" onClick={() => onChange([...fields, { name: '', label: '', type: 'text', required: false }])}>
        {t('methods.field.add')}
      </Button>
    </div>
  );
}

/** Drops what is empty, so the server never sees `pattern: ""` or options on a text field. */
function clean(f: FieldLayout): FieldLayout {
  const out: FieldLayout = { name: f.name, label: f.label, type: f.type, required: f.required };
  if (f.labelEn) out.labelEn = f.labelEn;
  if (f.pattern) out.pattern = f.pattern;
  if (f.maxLength) out.maxLength = f.maxLength;
  if (f.type === 'select' && f.options) out.options = f.options;
  return out;
}

/** Its own text while typing (a half-typed line must not be reformatted under the cursor). */
function OptionsEditor({ options, onChange }: { options?: Option[]; onChange: (options: Option[]) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatOptions(options));
  return (
    <Textarea
      className="field-layout__options"
      value={text}
      autosize={{ minRows: 2, maxRows: 6 }}
      placeholder={t('methods.field.optionsPlaceholder')}
      onChange={(v) => {
        setText(String(v));
        onChange(parseOptions(String(v)));
      }}
    />
  );
}
