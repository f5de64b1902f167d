import type { FieldLayout, MethodInput } from '../../contracts';

/** A new method starts from the layout the demo seed uses, so a form works before anyone edits it. */
export const DEFAULT_ACCOUNT_FIELDS: FieldLayout[] = [
  { name: 'name', label: '公司名称', labelEn: 'Company name', type: 'text', required: true, maxLength: 100 },
  { name: 'credit_code', label: '统一社会信用代码', labelEn: 'Unified social credit code', type: 'text', required: false, maxLength: 18 },
];

export const DEFAULT_CONTACT_FIELDS: FieldLayout[] = [{ name: 'name', label: '姓名', labelEn: 'Name', type: 'text', required: true, maxLength: 50 }];

export function newMethodInput(roleIds: string[]): Required<Pick<MethodInput, 'name' | 'appId' | 'enabled' | 'mode' | 'roleIds'>> & Pick<MethodInput, 'account' | 'contact'> {
  return {
    name: '',
    appId: '',
    enabled: true,
    mode: 'form',
    roleIds,
    account: {
      recordType: 'customer',
      fields: DEFAULT_ACCOUNT_FIELDS,
      showOnlyRequired: false,
      ownerAssignment: 'single',
      owners: [],
      duplicateCheck: 'fuzzy',
      newAccountRule: 'user-defined',
    },
    contact: { recordType: 'customer-contact', fields: DEFAULT_CONTACT_FIELDS },
  };
}
