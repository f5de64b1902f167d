/**
 * "Simulate payment" on the local runtime: its WeChat Pay sandbox pays the order and posts a signed,
 * encrypted notification to the runtime's own notify route. Only offered for orders placed with the
 * sandbox (`order.sandbox`); the route exists only on the local runtime with HULIAN_DEV on.
 */
export async function simulatePayment(outTradeNo: string): Promise<{ accepted: boolean; status: number }> {
  const res = await fetch(`/api/dev/pay/${encodeURIComponent(outTradeNo)}/succeed`, { method: 'POST', credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { accepted?: boolean; notifyStatus?: number } } | null;
  if (!res.ok || !body?.ok) return { accepted: false, status: res.status };
  return { accepted: body.data?.accepted === true, status: body.data?.notifyStatus ?? res.status };
}
