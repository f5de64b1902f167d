import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Pay from 'wechatpay-node-v3';
import { wxpayConfigFromEnv } from '../../cloudfunctions/adapters/wxpay/config';
import { verifierKeys } from '../../cloudfunctions/adapters/wxpay/keys';
import { wxpayGateway, beijingTime } from '../../cloudfunctions/adapters/wxpay/gateway';
import { decryptResource } from '../../cloudfunctions/adapters/wxpay/resource';
import { wxpayFromEnv } from '../../cloudfunctions/adapters/wxpay';
import { encryptResource, loadOrCreateSandboxKeys, sandboxPay, signMessage, SandboxWechatPay } from '../../cloudfunctions/adapters/wxpay/sandbox';
import { payNotify } from '../../cloudfunctions/functions/payNotify/handler';
import { createTestDeps } from '../support/deps';
import { FIXTURE_APIV3_KEY, FIXTURE_APPID, FIXTURE_MCHID, FIXTURE_PUB_KEY_ID, fixtureKeys, fixturePem, strangerSigner } from './support/fixtures';
import { transactionFor } from './support/notifications';

const keys = fixtureKeys();
const fixtureDir = join(__dirname, '..', 'fixtures', 'wxpay');
const NOW = Date.UTC(2026, 10, 28, 4);

function fullEnv(): Record<string, string> {
  return {
    WXPAY_MCHID: FIXTURE_MCHID,
    WXPAY_APPID: FIXTURE_APPID,
    // one-line variables carry PEMs with literal \n; files work too
    WXPAY_PRIVATE_KEY: keys.merchant.privateKey.replace(/\n/g, '\\n'),
    WXPAY_CERT_FILE: join(fixtureDir, 'merchant_cert.pem'),
    WXPAY_APIV3_KEY: FIXTURE_APIV3_KEY,
    WXPAY_PLATFORM_CERT_FILE: join(fixtureDir, 'platform_cert.pem'),
    WXPAY_PUBLIC_KEY: keys.publicKey.publicKey,
    WXPAY_PUBLIC_KEY_ID: FIXTURE_PUB_KEY_ID,
    WXPAY_NOTIFY_URL: 'https://example.invalid/payNotify',
  };
}

describe('the wxpay adapter', () => {
  test('given every WXPAY_* variable, then the configuration trusts both the platform certificate and the public key by the serials WeChat Pay sends', () => {
    const parsed = wxpayConfigFromEnv(fullEnv());
    if (!('config' in parsed)) throw new Error(`missing ${parsed.missing.join(', ')}`);
    expect(parsed.config.merchantPrivateKey).toContain('\n');
    expect([...verifierKeys(parsed.config).keys()].sort()).toEqual([keys.platform.serial, FIXTURE_PUB_KEY_ID].sort());
    // lower-case serials (as some tools print them) name the same key
    expect(verifierKeys(parsed.config).has(keys.platform.serial.toUpperCase())).toBe(true);
  });

  test('given missing variables, then they are named (never their values) and every pay call is pay/unavailable — a notification gets a 5xx so WeChat Pay retries', async () => {
    const env: Record<string, string> = { ...fullEnv(), WXPAY_APIV3_KEY: 'short' };
    delete env['WXPAY_PLATFORM_CERT_FILE'];
    delete env['WXPAY_PUBLIC_KEY'];
    const parsed = wxpayConfigFromEnv(env);
    expect(parsed).toEqual({ missing: ['WXPAY_APIV3_KEY (32 bytes)', 'WXPAY_PLATFORM_CERT or WXPAY_PUBLIC_KEY'] });
    const warnings: unknown[] = [];
    const gateway = wxpayFromEnv(env, () => NOW, (msg, fields) => warnings.push({ msg, fields }));
    expect(() => gateway.merchant()).toThrow('pay/unavailable');
    expect(JSON.stringify(warnings)).not.toContain('BEGIN');
    const deps = { ...createTestDeps(), pay: gateway };
    const res = await payNotify(deps, { headers: {}, body: '{}', requestId: 't' });
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).code).toBe('FAIL');
    deps.store.close();
  });

  test('given every WXPAY_* variable, then wxpayFromEnv is the production gateway: it names the merchant and opens notifications signed with either trusted key', async () => {
    const gateway = wxpayFromEnv(fullEnv(), () => NOW);
    expect(gateway.mode).toBe('production');
    expect(gateway.merchant()).toEqual({ mchid: FIXTURE_MCHID, appid: FIXTURE_APPID });
    for (const signer of [keys.platform, keys.publicKey]) {
      const body = JSON.stringify({ id: 'EV-env', event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: encryptResource(JSON.stringify(transactionFor('ord_env_0000000001', 100)), FIXTURE_APIV3_KEY) });
      const opened = await gateway.openNotification({ headers: signMessage(body, signer, Math.floor(NOW / 1000)), body });
      expect(opened.transaction).toMatchObject({ outTradeNo: 'ord_env_0000000001', tradeState: 'SUCCESS' });
    }
  });

  test('given an order, then wechatpay-node-v3 signs the request with the merchant key and WeChat Pay (the sandbox) accepts it', async () => {
    const { gateway, service } = sandboxPay({ keys, appid: FIXTURE_APPID, now: () => NOW });
    const { codeUrl } = await gateway.createNativeOrder({ outTradeNo: 'ord_gateway_test_0001', description: 'test', amountFen: 300, expiresAt: new Date(NOW + 900_000).toISOString() });
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    expect(service.order('ord_gateway_test_0001')).toMatchObject({ total: 300, trade_state: 'NOTPAY', time_expire: NOW + 900_000 });
  });

  test('given a merchant key that does not match its certificate, then WeChat Pay (the sandbox) refuses the request and the order is pay/unavailable', async () => {
    const wrong = { ...keys, merchant: { ...keys.merchant, privateKey: fixturePem('stranger_key.pem') } };
    const service = new SandboxWechatPay({ keys, mchid: FIXTURE_MCHID, appid: FIXTURE_APPID, now: () => NOW });
    const gateway = wxpayGateway({
      config: { mchid: FIXTURE_MCHID, appid: FIXTURE_APPID, merchantPrivateKey: wrong.merchant.privateKey, merchantCert: keys.merchant.cert, apiV3Key: FIXTURE_APIV3_KEY, platformCerts: [keys.platform.cert], notifyUrl: 'https://example.invalid/n' },
      transport: service.transport,
      now: () => NOW,
      mode: 'production',
    });
    await expect(gateway.createNativeOrder({ outTradeNo: 'ord_gateway_test_0002', description: 't', amountFen: 1, expiresAt: new Date(NOW + 60_000).toISOString() })).rejects.toThrow('pay/unavailable');
    expect(service.order('ord_gateway_test_0002')).toBeUndefined();
  });

  describe('answers from WeChat Pay are believed only when signed', () => {
    const paid = JSON.stringify(transactionFor('ord_gateway_test_0003', 100));
    const gatewayAnswering = (answer: { status: number; headers: Record<string, string>; body: string }) =>
      wxpayGateway({
        config: { mchid: FIXTURE_MCHID, appid: FIXTURE_APPID, merchantPrivateKey: keys.merchant.privateKey, merchantCert: keys.merchant.cert, apiV3Key: FIXTURE_APIV3_KEY, platformCerts: [keys.platform.cert], publicKey: { id: FIXTURE_PUB_KEY_ID, pem: keys.publicKey.publicKey }, notifyUrl: 'https://example.invalid/n' },
        transport: async () => answer,
        now: () => NOW,
        mode: 'production',
      });
    const ts = Math.floor(NOW / 1000);

    test('given a signed "SUCCESS" query answer, then it is believed', async () => {
      const t = await gatewayAnswering({ status: 200, headers: signMessage(paid, keys.platform, ts), body: paid }).queryOrder('ord_gateway_test_0003');
      expect(t).toMatchObject({ tradeState: 'SUCCESS', amountTotal: 100, outTradeNo: 'ord_gateway_test_0003' });
    });

    test('given an unsigned, a stranger-signed or a stale "SUCCESS" query answer, then it is not believed (pay/unavailable), so the sweep cannot be fooled into crediting', async () => {
      await expect(gatewayAnswering({ status: 200, headers: {}, body: paid }).queryOrder('x')).rejects.toThrow('pay/unavailable');
      await expect(gatewayAnswering({ status: 200, headers: signMessage(paid, strangerSigner(keys.platform.serial), ts), body: paid }).queryOrder('x')).rejects.toThrow('pay/unavailable');
      await expect(gatewayAnswering({ status: 200, headers: signMessage(paid, keys.platform, ts - 301), body: paid }).queryOrder('x')).rejects.toThrow('pay/unavailable');
    });

    test('given ORDER_NOT_EXIST, then the order is unknown to WeChat Pay (null); given ORDERPAID on close, then it is already paid', async () => {
      expect(await gatewayAnswering({ status: 404, headers: {}, body: '{"code":"ORDER_NOT_EXIST","message":"x"}' }).queryOrder('x')).toBeNull();
      expect(await gatewayAnswering({ status: 400, headers: {}, body: '{"code":"ORDERPAID","message":"x"}' }).closeOrder('x')).toBe('already-paid');
      expect(await gatewayAnswering({ status: 204, headers: signMessage('', keys.publicKey, ts), body: '' }).closeOrder('x')).toBe('closed');
    });
  });

  test("given a flipped tag, then wechatpay-node-v3's decipher_gcm returns without complaint (the pitfall) while decryptResource refuses", () => {
    const resource = encryptResource('{"out_trade_no":"ord_x"}', FIXTURE_APIV3_KEY);
    const raw = Buffer.from(resource.ciphertext, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 0xff;
    const tampered = { ...resource, ciphertext: raw.toString('base64') };
    const pay = new Pay({ appid: FIXTURE_APPID, mchid: FIXTURE_MCHID, publicKey: Buffer.from(keys.merchant.cert), privateKey: Buffer.from(keys.merchant.privateKey), key: FIXTURE_APIV3_KEY });
    expect(() => pay.decipher_gcm(tampered.ciphertext, tampered.associated_data, tampered.nonce)).not.toThrow();
    expect(() => decryptResource(tampered, FIXTURE_APIV3_KEY)).toThrow('decrypt');
    expect(decryptResource(resource, FIXTURE_APIV3_KEY)).toBe('{"out_trade_no":"ord_x"}');
  });

  test('given Beijing time, then time_expire is RFC 3339 with +08:00', () => {
    expect(beijingTime('2026-11-28T04:15:00.000Z')).toBe('2026-11-28T12:15:00+08:00');
  });
});

describe('the sandbox keys', () => {
  test('given a fresh DATA_DIR, then real X.509 certificates are generated once (0600) and reused, and the library accepts them end to end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hulian-wxpay-'));
    try {
      const first = loadOrCreateSandboxKeys(dir, FIXTURE_MCHID);
      const file = join(dir, 'wxpay-sandbox-keys.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreateSandboxKeys(dir, FIXTURE_MCHID)).toEqual(first);
      for (const pem of [first.merchant.cert, first.platform.cert]) {
        const cert = new X509Certificate(pem);
        expect(cert.verify(cert.publicKey)).toBe(true); // self-signed, signature valid
        expect(cert.serialNumber.toUpperCase()).toBe(pem === first.merchant.cert ? first.merchant.serial : first.platform.serial);
      }
      expect(new X509Certificate(first.merchant.cert).subject).toContain(`CN=${FIXTURE_MCHID}`);
      const { gateway, service } = sandboxPay({ keys: first, appid: FIXTURE_APPID, now: Date.now });
      const { codeUrl } = await gateway.createNativeOrder({ outTradeNo: 'ord_sandbox_keys_0001', description: 't', amountFen: 100, expiresAt: new Date(Date.now() + 60_000).toISOString() });
      expect(codeUrl).toMatch(/^weixin:/);
      const n = service.pay('ord_sandbox_keys_0001');
      const opened = await gateway.openNotification(n);
      expect(opened.transaction).toMatchObject({ outTradeNo: 'ord_sandbox_keys_0001', tradeState: 'SUCCESS', amountTotal: 100 });
      expect(JSON.parse(readFileSync(file, 'utf8')).apiV3Key).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
