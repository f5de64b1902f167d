/**
 * h5 only (the weapp build uses `<Button openType="getPhoneNumber">`): the local runtime's dev simulator
 * plays WeChat's phone button and hands out a one-use code for `phone`, for the app this browser is.
 */
export async function devPhoneCode(phone: string): Promise<string> {
  const appid = localStorage.getItem('hulian.appid') || undefined;
  const res = await fetch('/api/dev/wechat/phone-code', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, ...(appid ? { appid } : {}) }) });
  const json = (await res.json()) as { ok?: boolean; data?: { code?: unknown } };
  if (!json.ok || typeof json.data?.code !== 'string') throw new Error('the WeChat phone simulator gave no code');
  return json.data.code;
}
