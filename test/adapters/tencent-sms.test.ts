/**
 * The Tencent Cloud SMS adapter through the real tencentcloud-sdk-nodejs-sms, against a stand-in that
 * speaks SendSms (API 3.0): signature, headers, body and answers as the real endpoint has them.
 */
import { SmsDeliveryError, tencentSmsSender } from '../../cloudfunctions/adapters/sms/tencent';
import { SmsConfigError, tencentSmsConfigFromEnv } from '../../cloudfunctions/adapters/sms/tencent-config';
import { startSmsStandin, type SmsStandin } from '../support/sms-standin';

let standin: SmsStandin;

const ENV = {
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '互联科技',
  TENCENT_SMS_TEMPLATE_LOGIN: '100001',
  TENCENT_SMS_TEMPLATE_BIND: '100002',
  TENCENT_SMS_TEMPLATE_REGISTER: '100003',
  TENCENT_SMS_SECRET_ID: 'AKIDsms',
  TENCENT_SMS_SECRET_KEY: 'sms-key',
};

const sender = (env: Record<string, string | undefined>) => tencentSmsSender(() => tencentSmsConfigFromEnv(env), { protocol: 'http://', agent: standin.agent });

beforeAll(async () => {
  standin = await startSmsStandin({
    credentials: [
      { secretId: 'AKIDsms', secretKey: 'sms-key' },
      { secretId: 'AKIDrole', secretKey: 'role-key', token: 'role-session-token' },
    ],
  });
});
afterAll(() => standin.close());
beforeEach(() => standin.reset());

describe('Tencent Cloud SMS adapter', () => {
  it('given a configured app, when a login code is sent, then SendSms carries the E.164 number, the login template, the sign name and [code, minutes]', async () => {
    await sender(ENV).sendCode('13800000001', '123456', 5, 'login');
    expect(standin.requests).toEqual([{ action: 'SendSms', version: '2021-01-11', region: 'ap-guangzhou' }]);
    expect(standin.sent).toEqual([{ phone: '+8613800000001', templateId: '100001', params: ['123456', '5'], signName: '互联科技', sdkAppId: '1400000001' }]);
  });

  it('given each purpose, then its own template is used', async () => {
    const s = sender({ ...ENV, TENCENT_SMS_REGION: 'ap-beijing' });
    await s.sendCode('13800000002', '000001', 5, 'bind');
    await s.sendCode('13800000003', '000002', 5, 'register');
    expect(standin.sent.map((m) => m.templateId)).toEqual(['100002', '100003']);
    expect(standin.requests.map((r) => r.region)).toEqual(['ap-beijing', 'ap-beijing']);
  });

  it('given no own keys, then the function role credentials CloudBase injects are used, session token included', async () => {
    const { TENCENT_SMS_SECRET_ID: _id, TENCENT_SMS_SECRET_KEY: _key, ...rest } = ENV;
    const env = { ...rest, TENCENTCLOUD_SECRETID: 'AKIDrole', TENCENTCLOUD_SECRETKEY: 'role-key', TENCENTCLOUD_SESSIONTOKEN: 'role-session-token' };
    await sender(env).sendCode('13800000004', '654321', 5, 'login');
    expect(standin.sent).toHaveLength(1);
    // the same keys without the token are refused: the stand-in checks X-TC-Token like the real endpoint
    await expect(sender({ ...env, TENCENTCLOUD_SESSIONTOKEN: undefined }).sendCode('13800000004', '654321', 5, 'login')).rejects.toMatchObject({ code: 'AuthFailure.TokenFailure' });
  });

  it('given a wrong secret key, then the signature is refused and the error carries the code but not the number or the code sent', async () => {
    const err = await sender({ ...ENV, TENCENT_SMS_SECRET_KEY: 'not-the-key' })
      .sendCode('13800000005', '777777', 5, 'login')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsDeliveryError);
    expect(err).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    expect(String((err as Error).message)).not.toMatch(/13800000005|777777/);
    expect(standin.sent).toHaveLength(0);
  });

  it('given an unapproved template, then the API error surfaces as SmsDeliveryError', async () => {
    await expect(sender({ ...ENV, TENCENT_SMS_TEMPLATE_LOGIN: '999999' }).sendCode('13800000006', '111111', 5, 'login')).rejects.toMatchObject({
      code: 'FailedOperation.TemplateIncorrectOrUnapproved',
    });
  });

  it('given the request succeeds but the message is refused (daily limit), then the send fails with that status code', async () => {
    standin.refuse.set('+8613800000007', 'LimitExceeded.PhoneNumberDailyLimit');
    await expect(sender(ENV).sendCode('13800000007', '222222', 5, 'login')).rejects.toMatchObject({ name: 'SmsDeliveryError', code: 'LimitExceeded.PhoneNumberDailyLimit' });
  });

  it('given missing variables, then the send fails before any request, naming the variables and no values', async () => {
    const err = await sender({ TENCENT_SMS_SIGN_NAME: '互联科技', TENCENT_SMS_SECRET_KEY: 'sms-key' })
      .sendCode('13800000008', '333333', 5, 'login')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsConfigError);
    expect((err as SmsConfigError).missing).toEqual([
      'TENCENT_SMS_SDK_APP_ID',
      'TENCENT_SMS_TEMPLATE_LOGIN',
      'TENCENT_SMS_TEMPLATE_BIND',
      'TENCENT_SMS_TEMPLATE_REGISTER',
      'TENCENT_SMS_SECRET_ID',
    ]);
    expect((err as Error).message).not.toContain('sms-key');
    expect(standin.requests).toHaveLength(0);
  });

  it('given a purpose without a template, then nothing is sent', async () => {
    await expect(sender(ENV).sendCode('13800000009', '444444', 5, 'newsletter')).rejects.toThrow(/no SMS template/);
    expect(standin.requests).toHaveLength(0);
  });
});
