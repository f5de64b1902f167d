import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, limitedAdmin, type AdminClient } from '../support/admin';

/** The console's clean-up actions over HTTP: the review queue, merge preview and merge, with their envelopes. */
describe('admin Account clean-up over HTTP', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  let reader: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    reader = await limitedAdmin(t, 'crm-reader', ['accounts.read']);
  });
  afterAll(() => t.stop());

  test('given an Account created the same day as a near name, then it is in the review queue with its candidate explained', async () => {
    const keep = await admin.ok('accounts.create', { name: '宁波远帆海洋科技有限公司' });
    const dup = await admin.ok('accounts.create', { name: '宁波远帆海洋科技股份有限公司' });
    const queue = await reader.ok('accounts.reviewQueue', {});
    const item = queue.items.find((i: { id: string }) => i.id === dup.id);
    expect(item).toMatchObject({ reasons: ['near-name-same-day'], candidate: { id: keep.id, kind: 'related' } });
    expect(item.candidate.reasons).toContainEqual({ code: 'legal-form-differs', typed: 'joint-stock', existing: 'limited' });
  });

  test('given a preview and a merge, then the preview changes nothing, a reader may not merge, and the admin merge moves the Contacts', async () => {
    const keep = await admin.ok('accounts.create', { name: '温州启帆电气有限公司' });
    const dup = await admin.ok('accounts.create', { name: '温州启帆电气（温州）有限责任公司 分部' });
    await admin.ok('contacts.create', { accountId: dup.id, name: '王五', mobile1: '13912345678' });
    const before = t.digest();
    const preview = await reader.ok('accounts.mergePreview', { keepId: keep.id, mergeId: dup.id });
    expect(preview.moves).toMatchObject({ contacts: 1, users: 0 });
    expect(t.digest()).toBe(before);
    const denied = await reader.call('accounts.merge', { keepId: keep.id, mergeId: dup.id });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('access/denied');
    expect(t.digest()).toBe(before);
    const bad = await admin.call('accounts.merge', { keepId: keep.id, mergeId: { $ne: null } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('input/invalid');
    const out = await admin.ok('accounts.merge', { keepId: keep.id, mergeId: dup.id });
    expect(out).toMatchObject({ keepId: keep.id, mergeId: dup.id, moved: { contacts: 1 }, resumed: false });
    const contacts = await admin.ok('contacts.list', { accountId: keep.id });
    expect(contacts.items.map((c: { name: string }) => c.name)).toEqual(['王五']);
    const again = await admin.call('accounts.merge', { keepId: dup.id, mergeId: keep.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('accounts/merged');
  });
});
