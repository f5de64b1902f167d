import type { CompanyRegistry } from '../../core/ports/registry';
import { AppError } from '../../core/kernel/app-error';

/** Refuses every call: a deployment with no registry configured never pretends to have one. */
export function unconfiguredRegistry(): CompanyRegistry {
  const refuse = async (): Promise<never> => {
    throw new AppError('registry/unavailable');
  };
  return { search: refuse, byCreditCode: refuse };
}
