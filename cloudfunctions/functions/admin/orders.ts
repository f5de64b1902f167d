import { int, literal, object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { createOrder, getOrder, listOrders } from '../../core/orders/orders';
import { MAX_SEATS_PER_ORDER, OUT_TRADE_NO } from '../../core/orders/policy';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const outTradeNo = () => string({ min: 6, max: 32, pattern: OUT_TRADE_NO });

/** Buying Terminal User seats with WeChat Pay (Native): part of the licences area, and guarded by it. */
export const ordersActions = {
  'orders.create': asAdmin(object({ seats: int({ min: 1, max: MAX_SEATS_PER_ORDER }) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'licences.grant');
    return createOrder(ctx.deps, admin._id, input.seats);
  }),
  'orders.list': asAdmin(
    object({ state: optional(literal('created', 'paid', 'expired', 'closed')), cursor: optional(outTradeNo()), limit: optional(int({ min: 1, max: 100 })) }),
    async (ctx, admin, input) => {
      requireAdmin(admin, 'licences.read');
      return listOrders(ctx.deps, input);
    },
  ),
  'orders.get': asAdmin(object({ outTradeNo: outTradeNo() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'licences.read');
    return getOrder(ctx.deps, input.outTradeNo);
  }),
} satisfies ActionTable;
