import type { DeviceStatus, DeviceView, RecordCreateInputs, RecordUpdateInputs } from '../../contracts/domain';
import type { DeviceDoc } from '../../kernel/docs';
import { literal, object, optional, string } from '../../kernel/schema';
import type { RecordSpec } from '../spec';
import { pickDefined } from '../spec';
import { isoDay, shortText } from './text';

export const DEVICE_STATUSES = ['running', 'stopped', 'maintenance', 'retired'] as const satisfies readonly DeviceStatus[];

const serial = () => string({ min: 1, max: 60, pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/ });

export function deviceView(d: DeviceDoc, canUpdate: boolean): DeviceView {
  const v: DeviceView = {
    id: d._id,
    name: d.name,
    model: d.model,
    serialNumber: d.serial_number,
    status: d.status,
    public: d.public === true,
    createdAt: d.created_at,
    updatedAt: d.updated_at ?? d.created_at,
    canUpdate,
  };
  if (d.location) v.location = d.location;
  if (d.installed_at) v.installedAt = d.installed_at;
  return v;
}

/**
 * Devices normally come from the business (CRM). Customers may correct what they know — the name they
 * use and where it stands; model, serial number and operating status are the business's facts.
 */
export const deviceSpec: RecordSpec<DeviceDoc, DeviceView, RecordCreateInputs['device'], RecordUpdateInputs['device']> = {
  object: 'device',
  collection: 'devices',
  idPrefix: 'dev',
  publicFlag: true,
  filters: { status: { field: 'status', schema: literal(...DEVICE_STATUSES) } },
  createSchema: object({ name: shortText(60), model: shortText(60), serialNumber: serial(), location: optional(shortText()), installedAt: optional(isoDay()) }),
  updateSchema: object({ name: optional(shortText(60)), location: optional(shortText()) }),
  async build(_ctx, input) {
    const fields: Record<string, unknown> = { name: input.name, model: input.model, serial_number: input.serialNumber, status: 'running', public: false };
    if (input.location) fields['location'] = input.location;
    if (input.installedAt) fields['installed_at'] = input.installedAt;
    return fields;
  },
  async changes(_ctx, _current, input) {
    return pickDefined(input, { name: 'name', location: 'location' });
  },
  view: (doc, ctx) => deviceView(doc, ctx.canUpdate),
};
