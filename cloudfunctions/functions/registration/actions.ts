import { empty, object, string } from '../../core/kernel/schema';
import { checkAccountName, registrationForm, searchAccounts, searchRegistry } from '../../core/registration/lookups';
import { submitRegistration } from '../../core/registration/submit';
import { action, requireCaller, defineFunction } from '../shared/dispatch';
import { submitInput } from './input';

/** `registration`: self-registration under the method of the caller's mini program. */
export const registrationFunction = defineFunction('registration', 'wechat', {
    getForm: action(empty(), (ctx) => registrationForm(ctx.deps, requireCaller(ctx), ctx.locale)),
    checkAccountName: action(object({ name: string({ min: 2, max: 100 }) }), (ctx, input) => checkAccountName(ctx.deps, requireCaller(ctx), input.name, ctx.ip)),
    searchAccounts: action(object({ query: string({ min: 1, max: 50 }) }), (ctx, input) => searchAccounts(ctx.deps, requireCaller(ctx), input.query, ctx.ip)),
    searchRegistry: action(object({ query: string({ min: 1, max: 50 }) }), (ctx, input) => searchRegistry(ctx.deps, requireCaller(ctx), input.query, ctx.ip)),
    submit: action(submitInput, (ctx, input) => submitRegistration(ctx.deps, requireCaller(ctx), input)),
  });
