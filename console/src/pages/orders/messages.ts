import { useCallback } from 'react';
import type { Locale, OrderState } from '../../contracts';
import { useI18n } from '../../i18n';

/**
 * The orders page's own words. Kept beside the page (rather than in the shared dictionaries) so this
 * page can grow without touching files every other page edits; the menu label lives in i18n as usual.
 */
const zhCN = {
  title: '购买许可',
  description: '按席位购买终端用户许可，微信扫码支付；支付成功后席位立即可用。',
  'buy.seats': '购买席位数',
  'buy.unitPrice': '单价 {price} / 席位',
  'buy.total': '合计 {amount}',
  'buy.submit': '生成支付二维码',
  'pay.scan': '请使用微信扫一扫完成支付',
  'pay.order': '订单号',
  'pay.amount': '金额',
  'pay.expiresAt': '请在 {time} 前完成支付',
  'pay.waiting': '等待支付结果…',
  'pay.paid': '支付成功，已增加 {seats} 个席位。',
  'pay.expired': '订单已过期，未支付。',
  'pay.closed': '订单已关闭。',
  'pay.pollError': '暂时无法获取订单状态，正在重试…',
  'pay.simulate': '模拟支付（本地沙箱）',
  'pay.simulateHint': '本地运行时由沙箱扮演微信支付：点击后发送一条已签名、已加密的支付成功通知。',
  'pay.simulateFailed': '模拟支付未被接受（HTTP {status}）。',
  'pay.another': '再买一单',
  'history.title': '订单记录',
  'history.empty': '暂无订单',
  'history.emptyFiltered': '没有符合条件的订单',
  'history.more': '加载更多',
  'history.refresh': '刷新',
  'history.loadError': '订单加载失败',
  'col.outTradeNo': '订单号',
  'col.seats': '席位',
  'col.amount': '金额',
  'col.state': '状态',
  'col.createdAt': '创建时间',
  'col.paidAt': '支付时间',
  'filter.all': '全部',
  'state.created': '待支付',
  'state.paid': '已支付',
  'state.expired': '已过期',
  'state.closed': '已关闭',
};

export type OrdersKey = keyof typeof zhCN;

const en: Record<OrdersKey, string> = {
  title: 'Buy licences',
  description: 'Buy Terminal User seats and pay by scanning with WeChat; paid seats are usable at once.',
  'buy.seats': 'Seats to buy',
  'buy.unitPrice': '{price} per seat',
  'buy.total': 'Total {amount}',
  'buy.submit': 'Create payment QR code',
  'pay.scan': 'Scan with WeChat to pay',
  'pay.order': 'Order number',
  'pay.amount': 'Amount',
  'pay.expiresAt': 'Pay before {time}',
  'pay.waiting': 'Waiting for the payment…',
  'pay.paid': 'Paid: {seats} seats added.',
  'pay.expired': 'The order expired unpaid.',
  'pay.closed': 'The order was closed.',
  'pay.pollError': 'Cannot reach the server for the order status; retrying…',
  'pay.simulate': 'Simulate payment (local sandbox)',
  'pay.simulateHint': 'On the local runtime a sandbox plays WeChat Pay: this sends a signed, encrypted payment notification.',
  'pay.simulateFailed': 'The simulated payment was not accepted (HTTP {status}).',
  'pay.another': 'Buy more',
  'history.title': 'Order history',
  'history.empty': 'No orders yet',
  'history.emptyFiltered': 'No orders match this filter',
  'history.more': 'Load more',
  'history.refresh': 'Refresh',
  'history.loadError': 'Orders could not be loaded',
  'col.outTradeNo': 'Order number',
  'col.seats': 'Seats',
  'col.amount': 'Amount',
  'col.state': 'State',
  'col.createdAt': 'Created',
  'col.paidAt': 'Paid',
  'filter.all': 'All',
  'state.created': 'Awaiting payment',
  'state.paid': 'Paid',
  'state.expired': 'Expired',
  'state.closed': 'Closed',
};

const DICTS: Record<Locale, Record<OrdersKey, string>> = { 'zh-CN': zhCN, en };

export const STATE_KEY: Record<OrderState, OrdersKey> = { created: 'state.created', paid: 'state.paid', expired: 'state.expired', closed: 'state.closed' };

export function useOrdersText() {
  const { locale, formatDateTime } = useI18n();
  const t = useCallback(
    (key: OrdersKey, params?: Record<string, string | number>) =>
      (DICTS[locale][key] ?? zhCN[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole)),
    [locale],
  );
  const money = useCallback((fen: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100), [locale]);
  return { t, money, formatDateTime };
}
