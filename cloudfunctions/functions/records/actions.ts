import { int, literal, object, optional, scalarRecord, string } from '../../core/kernel/schema';
import { AppError } from '../../core/kernel/app-error';
import { resolvePrincipal } from '../../core/identity/principal';
import { getArticle, listArticles } from '../../core/records/articles';
import { action, requireCaller, type FunctionDef } from '../shared/dispatch';

const OBJECTS = ['article', 'device', 'workOrder', 'serviceRequest'] as const;
const id = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

function notYet(object: string): never {
  // Devices, work orders and service requests arrive with the roles issue; until then nothing is visible.
  throw new AppError('access/denied', { object });
}

/** `records`: business records guarded by the caller's roles and scopes. */
export const recordsFunction: FunctionDef = {
  name: 'records',
  audience: 'wechat',
  actions: {
    list: action(
      object({ object: literal(...OBJECTS), filter: optional(scalarRecord()), cursor: optional(string({ max: 200 })), limit: optional(int({ min: 1, max: 100 })) }),
      async (ctx, input) => {
        const principal = await resolvePrincipal(ctx.deps, requireCaller(ctx));
        if (input.object !== 'article') notYet(input.object);
        return listArticles(ctx.deps, principal, { cursor: input.cursor, limit: input.limit });
      },
    ),
    get: action(object({ object: literal(...OBJECTS), id: id() }), async (ctx, input) => {
      const principal = await resolvePrincipal(ctx.deps, requireCaller(ctx));
      if (input.object !== 'article') notYet(input.object);
      return getArticle(ctx.deps, principal, input.id);
    }),
  },
};
