/** A row of headline figures. */
export function StatCards({ items }: { items: { label: string; value: string; hint?: string }[] }) {
  return (
    <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{item.label}</dt>
          <dd className="text-2xl font-semibold" data-testid={`stat-${item.label.toLowerCase().replace(/\W+/g, "-")}`}>{item.value}</dd>
          {item.hint && <dd className="mt-1 text-xs text-slate-500">{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
