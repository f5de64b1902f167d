import type { ObjectName } from '../contracts/domain';
import type { AnySpec } from './spec';
import { articleSpec } from './specs/article';
import { deviceSpec } from './specs/device';
import { serviceRequestSpec } from './specs/service-request';
import { workOrderSpec } from './specs/work-order';

/** Every business record the `records` function serves. */
export const RECORD_SPECS: Record<ObjectName, AnySpec> = {
  article: articleSpec,
  device: deviceSpec,
  workOrder: workOrderSpec,
  serviceRequest: serviceRequestSpec,
};

export const OBJECT_NAMES = Object.keys(RECORD_SPECS) as ObjectName[];
