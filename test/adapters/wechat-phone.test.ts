/**
 * The WeChat phone-number adapter through the real @cloudbase/node-sdk (`callWxOpenApi`), against the
 * tcb stand-in answering `wx.api` as CloudBase relays WeChat's getuserphonenumber.
 */
import tcb from '@cloudbase/node-sdk';
import { cloudbaseWechatApi } from '../../cloudfunctions/adapters/wechat/cloudbase';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { wxPhoneService, type WxPhoneService } from '../support/tcb-standin/wx-phone';

let standin: TcbStandin;
let phone: WxPhoneService;
const saved = { ...process.env };

const caller = { appid: 'wxapp00000000001', openid: 'oCaller0001' };
const api = () => cloudbaseWechatApi(tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 10_000 }));

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  phone = wxPhoneService();
  standin = await startTcbStandin({ actions: phone.actions });
});
afterAll(async () => {
  process.env = saved;
  await standin.close();
});
beforeEach(() => {
  // what CloudBase sets for a function the mini program invoked: the cloud-call token among the WX_ keys
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_API_TOKEN';
  process.env.WX_API_TOKEN = 'cloud-call-token-1';
  phone.calls.length = 0;
});

describe('WeChat phone number through callWxOpenApi', () => {
  it("given a code the caller got from getPhoneNumber, then the number comes back and the request named the API, the code, the caller's openid and the token", async () => {
    const code = phone.issue('13800000011', caller);
    await expect(api().phoneNumberFromCode(code, caller)).resolves.toEqual({ phoneNumber: '13800000011', purePhoneNumber: '13800000011', countryCode: '86' });
    expect(phone.calls).toEqual([{ apiName: 'phonenumber.getPhoneNumber', requestData: { code, openid: caller.openid }, wxCloudApiToken: 'cloud-call-token-1' }]);
  });

  it('given a code whose watermark names another mini program, then it is refused as input/invalid (watermark)', async () => {
    const code = phone.issue('13800000012', { appid: 'wxOTHERAPP000001', openid: caller.openid });
    const err = await api()
      .phoneNumberFromCode(code, caller)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'input/invalid', params: { field: 'phoneCode', reason: 'watermark' } });
  });

  it("given a code issued to another user, then WeChat's refusal becomes input/invalid", async () => {
    const code = phone.issue('13800000013', { appid: caller.appid, openid: 'oSomeoneElse' });
    await expect(api().phoneNumberFromCode(code, caller)).rejects.toMatchObject({ code: 'input/invalid', params: { reason: 'expired-or-unknown' } });
  });

  it('given a code used twice, then the second exchange is refused', async () => {
    const code = phone.issue('13800000014', caller);
    await api().phoneNumberFromCode(code, caller);
    await expect(api().phoneNumberFromCode(code, caller)).rejects.toMatchObject({ code: 'input/invalid' });
  });

  it('given no cloud-call token (not a mini program invocation), then CloudBase refuses and the failure is not an AppError (it becomes internal)', async () => {
    delete process.env.WX_API_TOKEN;
    const code = phone.issue('13800000015', caller);
    const err = await api()
      .phoneNumberFromCode(code, caller)
      .catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});
