/** Numbers as the dashboards show them. */
export const formatCount = (n: number) => n.toLocaleString("en");

export const formatRate = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 4 }).format(amount);
  } catch {
    // expected for a currency code Intl does not know (accounts accept free text): show it beside the number
    return `${amount.toFixed(4)} ${currency}`;
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3600_000).toFixed(1)} h`;
}
