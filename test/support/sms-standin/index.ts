/**
 * A local stand-in for Tencent Cloud SMS (API 3.0, `SendSms` 2021-01-11), good enough for the REAL
 * tencentcloud-sdk-nodejs-sms to talk to it:
 *
 *   tencentSmsSender(config, { protocol: 'http://', agent: standin.agent })
 *
 * `agent` connects every request to the stand-in while the SDK keeps its real endpoint
 * (sms.tencentcloudapi.com) in the URL, the Host header and the signature's service name.
 * It checks what the real endpoint checks before sending — TC3 signature, X-TC-Action/Version/Region,
 * the SDK app id, an approved signature name and template (with its parameter count), E.164 numbers —
 * and answers `{Response: {SendStatusSet, RequestId}}` or `{Response: {Error: {Code, Message}, RequestId}}`.
 */
import { randomUUID } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { checkTc3, type Tc3Credential } from './signature';

export interface SmsStandinOptions {
  credentials?: Tc3Credential[];
  sdkAppId?: string;
  signNames?: string[];
  /** approved template id → number of parameters it takes */
  templates?: Record<string, number>;
  /**
   * Also answer HTTPS for sms.tencentcloudapi.com behind an HTTP CONNECT proxy (`proxyUrl`): a process
   * with http_proxy=<proxyUrl> and NODE_EXTRA_CA_CERTS trusting this certificate reaches the stand-in
   * with the SDK's production settings unchanged (see test/support/test-tls.ts).
   */
  tls?: { key: string; cert: string };
}

export interface SentSms {
  phone: string;
  templateId: string;
  params: string[];
  signName: string;
  sdkAppId: string;
}

export interface SmsStandin {
  agent: Agent;
  /** with `tls`: the CONNECT proxy in front of the HTTPS endpoint */
  proxyUrl?: string;
  readonly sent: SentSms[];
  /** numbers for which the message itself is refused (a SendStatus with this code), as a daily limit would */
  refuse: Map<string, string>;
  /** every request received, accepted or not */
  readonly requests: Array<{ action: string; version: string; region: string }>;
  reset(): void;
  close(): Promise<void>;
}

const HOST = 'sms.tencentcloudapi.com';

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const listen = (s: Server) => new Promise<AddressInfo>((resolve) => s.listen(0, '127.0.0.1', () => resolve(s.address() as AddressInfo)));

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export async function startSmsStandin(opts: SmsStandinOptions = {}): Promise<SmsStandin> {
  const credentials = opts.credentials ?? [{ secretId: 'AKIDsms', secretKey: 'sms-key' }];
  const sdkAppId = opts.sdkAppId ?? '1400000001';
  const signNames = opts.signNames ?? ['互联科技'];
  const templates = opts.templates ?? { '100001': 2, '100002': 2, '100003': 2 };
  const sent: SentSms[] = [];
  const requests: SmsStandin['requests'] = [];
  const refuse = new Map<string, string>();

  const sendSms = (b: Record<string, unknown>) => {
    if (!strings(b['PhoneNumberSet']) || !b['PhoneNumberSet'].length || b['PhoneNumberSet'].length > 200) throw new ApiError('InvalidParameter', 'PhoneNumberSet');
    if (b['SmsSdkAppId'] !== sdkAppId) throw new ApiError('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verify failed');
    if (typeof b['SignName'] !== 'string' || !signNames.includes(b['SignName'])) throw new ApiError('FailedOperation.SignatureIncorrectOrUnapproved', 'signature incorrect or unapproved');
    const templateId = b['TemplateId'];
    if (typeof templateId !== 'string' || !(templateId in templates)) throw new ApiError('FailedOperation.TemplateIncorrectOrUnapproved', 'template incorrect or unapproved');
    const params = b['TemplateParamSet'] ?? [];
    if (!strings(params) || params.length !== templates[templateId]) throw new ApiError('InvalidParameterValue.TemplateParameterFormatError', 'template parameters do not match the template');
    return b['PhoneNumberSet'].map((phone) => {
      const serial = randomUUID();
      if (!/^\+\d{6,15}$/.test(phone)) return { SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: '', Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect phone number', IsoCode: 'DEF' };
      const refused = refuse.get(phone);
      if (refused) return { SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: '', Code: refused, Message: 'refused', IsoCode: 'CN' };
      sent.push({ phone, templateId, params, signName: b['SignName'] as string, sdkAppId });
      return { SerialNo: serial, PhoneNumber: phone, Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' };
    });
  };

  const answer = (res: ServerResponse, response: Record<string, unknown>) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Response: { ...response, RequestId: randomUUID() } }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      const action = String(req.headers['x-tc-action'] ?? '');
      requests.push({ action, version: String(req.headers['x-tc-version'] ?? ''), region: String(req.headers['x-tc-region'] ?? '') });
      if (req.method !== 'POST' || req.headers.host !== HOST) throw new ApiError('InvalidParameter', 'POST to sms.tencentcloudapi.com expected');
      if (req.headers['content-type'] !== 'application/json') throw new ApiError('InvalidParameter', 'content-type must be application/json');
      const bad = checkTc3({ method: req.method, url: req.url ?? '/', headers: req.headers }, body, 'sms', credentials);
      if (bad) throw new ApiError(bad.code, bad.message);
      if (req.headers['x-tc-version'] !== '2021-01-11') throw new ApiError('NoSuchVersion', 'version not supported by the stand-in');
      if (!req.headers['x-tc-region']) throw new ApiError('MissingParameter', 'X-TC-Region');
      if (action !== 'SendSms') throw new ApiError('InvalidAction', `action ${action} is not served by the stand-in`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new ApiError('InvalidParameter', 'body is not JSON');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError('InvalidParameter', 'body must be an object');
      answer(res, { SendStatusSet: sendSms(parsed as Record<string, unknown>) });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('InternalError', String(e));
      answer(res, { Error: { Code: err.code, Message: err.message } });
    }
  };
  const server = createServer(handle);
  const { port } = await listen(server);

  let proxy: Server | undefined;
  let proxyUrl: string | undefined;
  if (opts.tls) {
    const tlsServer = createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, handle);
    proxy = createServer((_req, res) => {
      res.writeHead(405);
      res.end();
    });
    // only the SMS endpoint is tunnelled, into the TLS server that never listens on its own
    proxy.on('connect', (req: IncomingMessage, socket, head: Buffer) => {
      if (req.url !== `${HOST}:443`) return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) socket.unshift(head);
      tlsServer.emit('connection', socket);
    });
    proxyUrl = `http://127.0.0.1:${(await listen(proxy)).port}`;
  }

  // Whatever host the URL names, the connection goes to the stand-in.
  const agent = new Agent({ keepAlive: false });
  (agent as unknown as { createConnection: () => ReturnType<typeof connect> }).createConnection = () => connect(port, '127.0.0.1');

  return {
    agent,
    proxyUrl,
    sent,
    refuse,
    requests,
    reset() {
      sent.length = 0;
      requests.length = 0;
      refuse.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        agent.destroy();
        proxy?.closeAllConnections();
        proxy?.close();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
