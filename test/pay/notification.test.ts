import { payNotify } from '../../cloudfunctions/functions/payNotify/handler';
import { createOrder } from '../../cloudfunctions/core/orders/orders';
import { createPayDeps, type PayTestDeps } from './support/deps';
import { FIXTURE_PUB_KEY_ID, fixtureKeys, strangerSigner } from './support/fixtures';
import { buildNotification, transactionFor, type Raw } from './support/notifications';

/**
 * payNotify, fed raw notifications: everything wrong is refused with a 4xx `{code: 'FAIL'}` and credits
 * nothing; the one right notification credits exactly once, however often and however concurrently it
 * arrives. WeChat Pay is the sandbox, behind the production gateway.
 */
describe('payNotify: verifying WeChat Pay notifications', () => {
  const SEATS = 5;
  const keys = fixtureKeys();
  let deps: PayTestDeps;
  let outTradeNo: string;
  let amount: number;

  beforeEach(async () => {
    deps = await createPayDeps({ seats: 2 });
    const order = await createOrder(deps, 'adm_admin', SEATS);
    outTradeNo = order.outTradeNo;
    amount = order.amount;
  });
  afterEach(() => deps.store.close());

  const deliver = (n: Raw) => payNotify(deps, { headers: n.headers, body: n.body, requestId: 'test' });
  const valid = (over: Partial<Parameters<typeof buildNotification>[1]> = {}, tx: Record<string, unknown> = {}) =>
    buildNotification(transactionFor(outTradeNo, amount, tx), { signer: keys.publicKey, nowMs: deps.clock.now(), ...over });

  /** the refusal, its status and logged reason, and that nothing at all was credited */
  async function expectNothingCredited(res: { status: number; body: string }, status: number, reason: string) {
    expect(res.status).toBe(status);
    expect(deps.logs.filter((l) => l.msg === 'pay notification rejected').map((l) => l.fields?.['reason'])).toEqual([reason]);
    expect(JSON.parse(res.body)).toEqual({ code: 'FAIL', message: expect.any(String) });
    expect(await deps.licence()).toMatchObject({ total: 2, used: 2 });
    expect(await deps.order(outTradeNo)).toMatchObject({ state: 'created' });
    expect(await deps.store.count('audit_log', { action: 'licences.purchased' })).toBe(0);
  }

  test('given a correctly signed and encrypted success notification, then it answers 204 and credits the seats once', async () => {
    const res = await deliver(valid());
    expect(res).toEqual({ status: 204, headers: {}, body: '' });
    expect(await deps.licence()).toMatchObject({ total: 2 + SEATS, used: 2 });
    expect(await deps.order(outTradeNo)).toMatchObject({ state: 'paid', transaction_id: '4200000001202611280000000001', paid_via: 'notification' });
    expect(await deps.store.count('audit_log', { action: 'licences.purchased', target: outTradeNo })).toBe(1);
  });

  test('given a notification signed with the platform certificate while the public key is also configured (key migration), then both are accepted', async () => {
    expect((await deliver(valid({ signer: keys.platform }))).status).toBe(204);
    // the same event again, now signed with the public key: accepted, not credited twice
    expect((await deliver(valid({ signer: keys.publicKey }))).status).toBe(204);
    expect((await deps.licence())!.total).toBe(2 + SEATS);
  });

  test('given one changed byte in the body, then the signature fails and nothing is credited', async () => {
    const n = valid();
    const at = n.body.indexOf('EV-test-0001') + 3;
    await expectNothingCredited(await deliver({ headers: n.headers, body: n.body.slice(0, at) + 'X' + n.body.slice(at + 1) }), 401, 'signature');
  });

  test('given a flipped GCM tag (body correctly signed over it), then decryption fails the tag check and nothing is credited', async () => {
    const flip = (raw: Buffer) => {
      const out = Buffer.from(raw);
      out[out.length - 1] = out[out.length - 1]! ^ 0x01;
      return out;
    };
    await expectNothingCredited(await deliver(valid({ mutateCiphertext: flip })), 400, 'decrypt');
  });

  test('given a flipped ciphertext byte (body correctly signed over it), then the tag check catches it and nothing is credited', async () => {
    const flip = (raw: Buffer) => {
      const out = Buffer.from(raw);
      out[3] = out[3]! ^ 0x80;
      return out;
    };
    await expectNothingCredited(await deliver(valid({ mutateCiphertext: flip })), 400, 'decrypt');
  });

  test('given wrong associated data (body correctly signed), then decryption fails and nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({ associatedData: 'transaction', claimedAssociatedData: 'certificate' })), 400, 'decrypt');
  });

  test('given a WECHATPAY/SIGNTEST/ probe signature, then it is refused and nothing is credited', async () => {
    const n = valid();
    await expectNothingCredited(await deliver({ headers: { ...n.headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${n.headers['wechatpay-signature']}` }, body: n.body }), 401, 'signtest');
  });

  test('given an unknown Wechatpay-Serial, then it is refused without fetching any certificate, and nothing is credited', async () => {
    const before = deps.sandbox.requests.length;
    await expectNothingCredited(await deliver(valid({ signer: strangerSigner() })), 401, 'unknown-serial');
    expect(deps.sandbox.requests.slice(before)).toEqual([]);
  });

  test("given a stranger's signature under a trusted serial, then the signature fails and nothing is credited", async () => {
    await expectNothingCredited(await deliver(valid({ signer: strangerSigner(FIXTURE_PUB_KEY_ID) })), 401, 'signature');
  });

  test('given a timestamp 301 s early, then it is refused and nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({ skewSeconds: -301 })), 401, 'timestamp');
  });

  test('given a timestamp 301 s late, then it is refused and nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({ skewSeconds: 301 })), 401, 'timestamp');
  });

  test('given a timestamp exactly 300 s off, then it is still inside the window and accepted', async () => {
    expect((await deliver(valid({ skewSeconds: -300 }))).status).toBe(204);
    expect((await deps.licence())!.total).toBe(2 + SEATS);
  });

  test('given a wrong amount, then nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({}, { amount: { total: amount - 1, payer_total: amount - 1, currency: 'CNY' } })), 400, 'amount');
  });

  test('given another currency, then nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({}, { amount: { total: amount, currency: 'USD' } })), 400, 'amount');
  });

  test('given a wrong mchid, then nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({}, { mchid: '1900000002' })), 400, 'mchid');
  });

  test('given a wrong appid, then nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({}, { appid: 'wxother0000000001' })), 400, 'appid');
  });

  test('given an unknown order, then nothing is credited', async () => {
    const n = buildNotification(transactionFor('ord_doesnotexist000000000001', amount), { signer: keys.publicKey, nowMs: deps.clock.now() });
    await expectNothingCredited(await deliver(n), 400, 'unknown-order');
  });

  test('given a resource encrypted with another APIv3 key, then nothing is credited', async () => {
    await expectNothingCredited(await deliver(valid({ apiV3Key: 'AnotherMerchantsApiV3Key01234567' })), 400, 'decrypt');
  });

  test('given missing Wechatpay headers, then nothing is credited', async () => {
    const n = valid();
    const { ['wechatpay-serial']: _serial, ...rest } = n.headers;
    await expectNothingCredited(await deliver({ headers: rest, body: n.body }), 401, 'headers');
  });

  test('given the same notification delivered twice a second apart, then both are acknowledged and the seats are credited once', async () => {
    const n = valid();
    expect((await deliver(n)).status).toBe(204);
    deps.clock.advance(1000);
    expect((await deliver(n)).status).toBe(204);
    expect((await deps.licence())!.total).toBe(2 + SEATS);
    expect(await deps.store.count('audit_log', { action: 'licences.purchased' })).toBe(1);
  });

  test('given two concurrent deliveries (and eight more), then all are acknowledged and the seats are credited once', async () => {
    const n = valid();
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(n)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(204));
    expect((await deps.licence())!.total).toBe(2 + SEATS);
    expect(await deps.store.count('audit_log', { action: 'licences.purchased' })).toBe(1);
  });

  test('given the store fails while crediting, then it answers 500 FAIL (so WeChat Pay retries) and a retry credits once', async () => {
    const n = valid();
    const transaction = deps.store.transaction.bind(deps.store);
    deps.store.transaction = (() => Promise.reject(new Error('disk full'))) as typeof deps.store.transaction;
    const failed = await deliver(n);
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body).code).toBe('FAIL');
    deps.store.transaction = transaction;
    expect((await deliver(n)).status).toBe(204);
    expect((await deps.licence())!.total).toBe(2 + SEATS);
  });
});
