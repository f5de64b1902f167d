import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { LoginPrompt } from '../../../components/LoginPrompt';
import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import { CallError } from '../../../services/client';
import type { DeviceView, WorkOrderPriority, WorkOrderView } from '../../../services/contracts';
import { can, RECORDS_PAGES } from '../../../services/permissions';
import { Choice, Empty, goRegister } from '../components/States';
import { call } from '../lib/api';
import { useRecordsText } from '../lib/text';

import '../lib/records.css';

const PRIORITIES: WorkOrderPriority[] = ['low', 'normal', 'high', 'urgent'];
const NO_DEVICE = '';

/**
 * The work order form. Who it belongs to is never asked: the server takes it from the caller. A
 * `registration/required` answer (the portal wants an Account first) leads to registration.
 */
export default function NewWorkOrderPage() {
  const t = useRecordsText();
  const { session, loading: sessionLoading } = useSession();
  const presetDevice = useRouter().params.deviceId ?? NO_DEVICE;
  const mayCreate = can(session, 'workOrder', 'create');
  const devices = useCall('records', 'list', { object: 'device', limit: 50 }, { enabled: !sessionLoading && mayCreate && can(session, 'device', 'read') });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<WorkOrderPriority>('normal');
  const [deviceId, setDeviceId] = useState(presetDevice);
  const [problem, setProblem] = useState<string | null>(null);
  const [needsRegistration, setNeedsRegistration] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  if (!sessionLoading && !mayCreate) return <View className="page"><Empty id="wo-form-denied" text={t.denied} /></View>;

  const deviceOptions = [{ value: NO_DEVICE, label: t.form.noDevice }, ...((devices.data?.items ?? []) as DeviceView[]).map((d) => ({ value: d.id, label: d.name }))];
  if (presetDevice && !deviceOptions.some((o) => o.value === presetDevice)) deviceOptions.push({ value: presetDevice, label: presetDevice });

  const submit = async () => {
    // The server validates too; these checks only save a round trip for the obvious cases.
    if (title.trim().length < 2) return setProblem(t.form.titleTooShort);
    if (!description.trim()) return setProblem(t.form.descriptionMissing);
    setProblem(null);
    setSubmitting(true);
    try {
      const data = { title: title.trim(), description: description.trim(), priority, ...(deviceId ? { deviceId } : {}) };
      const created = (await call('records', 'create', { object: 'workOrder', data })) as WorkOrderView;
      void Taro.redirectTo({ url: RECORDS_PAGES.workOrder(created.id) });
    } catch (e) {
      if (e instanceof CallError && e.code === 'registration/required') setNeedsRegistration(true);
      else setProblem(e instanceof CallError ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page">
      <Text className="page-title">{t.form.newTitle}</Text>
      <View className="card" style={{ marginTop: '24px' }}>
        <View className="field">
          <Text className="field__label">{t.form.title}</Text>
          <Input id="wo-title" className="field__input" value={title} maxlength={80} placeholder={t.form.titlePlaceholder} onInput={(e) => setTitle(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">{t.form.description}</Text>
          <Textarea id="wo-description" className="field__textarea" value={description} maxlength={2000} placeholder={t.form.descriptionPlaceholder} onInput={(e) => setDescription(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">{t.form.priority}</Text>
          <Choice idPrefix="wo-priority" value={priority} options={PRIORITIES.map((p) => ({ value: p, label: t.priority[p] }))} onChange={setPriority} />
        </View>
        {deviceOptions.length > 1 && (
          <View className="field">
            <Text className="field__label">{t.form.device}</Text>
            <Choice idPrefix="wo-device" value={deviceId} options={deviceOptions} onChange={setDeviceId} />
          </View>
        )}
        {problem && (
          <Text id="wo-form-error" className="error-text">
            {problem}
          </Text>
        )}
        <Button id="wo-submit" className={`btn btn--primary${submitting || sessionLoading ? ' btn--off' : ''}`} loading={submitting} disabled={submitting || sessionLoading} onClick={() => void submit()}>
          {submitting ? t.form.submitting : t.form.submit}
        </Button>
      </View>
      {needsRegistration && <LoginPrompt next="register" onGo={goRegister} onCancel={() => setNeedsRegistration(false)} />}
    </View>
  );
}
