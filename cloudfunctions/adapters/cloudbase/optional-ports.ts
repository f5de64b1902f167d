/**
 * Ports only some functions use. A deploy unit passes the factories it needs to `wechatMain`/`httpMain`;
 * the others get refusing stand-ins, so their bundles carry neither wechatpay-node-v3 nor the registry
 * sample.
 */
import type { PayGateway } from '../../core/ports';
import type { CompanyRegistry } from '../../core/ports/registry';

export interface OptionalPorts {
  pay?: () => PayGateway;
  registry?: () => CompanyRegistry;
}
