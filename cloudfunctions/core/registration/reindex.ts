import type { Deps } from '../ports';
import { StoreConflictError } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { accountNameFields, indexAccountInTx } from '../accounts/name-index';

/**
 * Gives Accounts written without the duplicate-check index (imports, seeds, older versions) their name
 * fields and index documents, a page at a time through the `name_key` index. An Account whose key is
 * already taken by another one is a duplicate already in the data: it gets its fields, is flagged for
 * review and keeps no key of its own. Returns how many Accounts it indexed.
 */
export async function indexUnindexedAccounts(deps: Deps, pageSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    // `null` matches a missing field, and as an equality it is answered from the name_key index
    const page = await deps.store.find<AccountDoc>('accounts', { where: { name_key: null }, limit: pageSize });
    if (!page.length) return done;
    for (const a of page) {
      const fields = accountNameFields(a.name);
      const code = typeof a['credit_code'] === 'string' ? a['credit_code'] : undefined;
      try {
        await deps.store.transaction(async (tx) => {
          await tx.update('accounts', a._id, { set: fields });
          await indexAccountInTx(tx, { _id: a._id, name: a.name, credit_code: code });
        });
      } catch (e) {
        if (!(e instanceof StoreConflictError)) throw e;
        await deps.store.update('accounts', a._id, { set: { ...fields, needs_review: true, review_reasons: ['duplicate-in-data'] } });
        deps.log('warn', 'account duplicates another one; flagged for review', { accountId: a._id });
      }
      done++;
    }
  }
}
