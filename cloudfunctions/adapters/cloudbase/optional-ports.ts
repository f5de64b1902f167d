/**
 * Ports only some functions use. A deploy unit passes the factories it needs to `wechatMain`/`httpMain`;
 * the others get refusing stand-ins, so their bundles carry neither wechatpay-node-v3, the SMS SDK nor the
 * registry sample — nor the names of variables they are never given (test/deploy/env-derivation.test.ts).
 */
import type { PayGateway, SmsSender } from '../../core/ports';
import type { CompanyRegistry } from '../../core/ports/registry';
import type { SecretsReader } from './secrets';

/** What a factory may use: the values of the `secrets` collection (secrets.ts), read on first use. */
export interface PortContext {
  secrets: SecretsReader;
}

export interface OptionalPorts {
  pay?: (ctx: PortContext) => PayGateway;
  registry?: () => CompanyRegistry;
  sms?: () => SmsSender;
}
