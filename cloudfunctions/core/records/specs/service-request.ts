import type { RecordCreateInputs, RecordUpdateInputs, ServiceRequestCategory, ServiceRequestStatus, ServiceRequestView } from '../../contracts/domain';
import type { ServiceRequestDoc } from '../../kernel/docs';
import { AppError } from '../../kernel/app-error';
import { literal, object, optional } from '../../kernel/schema';
import type { RecordSpec } from '../spec';
import { pickDefined } from '../spec';
import { checkEditable, checkTransition, nextStatuses, type TransitionTable } from '../transitions';
import { longText, phone, shortText, title } from './text';

export const SERVICE_REQUEST_CATEGORIES = ['consultation', 'installation', 'repair', 'training', 'other'] as const satisfies readonly ServiceRequestCategory[];
export const SERVICE_REQUEST_STATUSES = ['submitted', 'processing', 'done', 'cancelled'] as const satisfies readonly ServiceRequestStatus[];

/** The requester may withdraw a request nobody has picked up yet. */
export const SERVICE_REQUEST_TRANSITIONS: TransitionTable<ServiceRequestStatus> = {
  submitted: ['cancelled'],
  processing: [],
  done: [],
  cancelled: [],
};

export function serviceRequestView(r: ServiceRequestDoc, canUpdate: boolean, callerId: string | undefined): ServiceRequestView {
  const v: ServiceRequestView = {
    id: r._id,
    category: r.category,
    subject: r.subject,
    description: r.description,
    status: r.status,
    createdByName: r.created_by_name ?? '',
    mine: !!callerId && r.created_by === callerId,
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? r.created_at,
    canUpdate,
    nextStatuses: nextStatuses(SERVICE_REQUEST_TRANSITIONS, r.status, canUpdate),
  };
  if (r.contact_name) v.contactName = r.contact_name;
  if (r.contact_phone) v.contactPhone = r.contact_phone;
  return v;
}

/**
 * Service requests are open to guests. A guest shares one anonymous record, so the business could not
 * reach them: a guest must leave a name and a phone number. Members default to their own.
 */
export const serviceRequestSpec: RecordSpec<ServiceRequestDoc, ServiceRequestView, RecordCreateInputs['serviceRequest'], RecordUpdateInputs['serviceRequest']> = {
  object: 'serviceRequest',
  collection: 'service_requests',
  idPrefix: 'sr',
  publicFlag: false,
  filters: {
    status: { field: 'status', schema: literal(...SERVICE_REQUEST_STATUSES) },
    category: { field: 'category', schema: literal(...SERVICE_REQUEST_CATEGORIES) },
  },
  createSchema: object({
    category: literal(...SERVICE_REQUEST_CATEGORIES),
    subject: title(),
    description: longText(),
    contactName: optional(shortText(40)),
    contactPhone: optional(phone()),
  }),
  updateSchema: object({ subject: optional(title()), description: optional(longText()), status: optional(literal(...SERVICE_REQUEST_STATUSES)) }),
  async build(ctx, input) {
    const { principal } = ctx;
    if (principal.kind === 'guest') {
      if (!input.contactName) throw new AppError('input/invalid', { field: 'data.contactName', reason: 'required' });
      if (!input.contactPhone) throw new AppError('input/invalid', { field: 'data.contactPhone', reason: 'required' });
    }
    const user = principal.kind === 'guest' ? undefined : principal.user;
    const fields: Record<string, unknown> = { category: input.category, subject: input.subject, description: input.description, status: 'submitted' };
    const contactName = input.contactName ?? user?.contact_name ?? user?.name;
    const contactPhone = input.contactPhone ?? user?.mobile;
    if (contactName) fields['contact_name'] = contactName;
    if (contactPhone) fields['contact_phone'] = contactPhone;
    return fields;
  },
  async changes(_ctx, current, input) {
    const edits = pickDefined(input, { subject: 'subject', description: 'description' });
    checkEditable(current.status, 'submitted', edits);
    if (input.status !== undefined && input.status !== current.status) {
      checkTransition(SERVICE_REQUEST_TRANSITIONS, current.status, input.status);
      edits['status'] = input.status;
    }
    return edits;
  },
  view: (doc, ctx) => serviceRequestView(doc, ctx.canUpdate, ctx.callerId),
};
