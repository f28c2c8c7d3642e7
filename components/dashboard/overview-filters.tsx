"use client";
/**
 * The dashboard's filters: a plain GET form (the page reads them from the address, so a filtered view
 * can be bookmarked and works without JavaScript); the custom dates show only for a custom period.
 */
import { useState } from "react";
import { Button } from "@/components/button";
import { PERIOD_LABELS, PERIODS, type PeriodKind } from "@/lib/stats/period";

interface Option { id: number; name: string }

export function OverviewFilters(props: {
  period: PeriodKind;
  from?: string;
  to?: string;
  accountId?: number;
  campaignId?: number;
  accounts: Option[];
  campaigns: Option[];
  error?: string;
}) {
  const [period, setPeriod] = useState<PeriodKind>(props.period);
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Dashboard filters">
      <label className="text-sm font-medium text-slate-700">
        Period
        <select name="period" value={period} onChange={(e) => setPeriod(e.target.value as PeriodKind)} className={select}>
          {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p]}</option>)}
        </select>
      </label>
      {period === "custom" && (
        <>
          <label className="text-sm font-medium text-slate-700">
            From
            <input type="date" name="from" defaultValue={props.from} required className={select} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? "period-error" : undefined} />
          </label>
          <label className="text-sm font-medium text-slate-700">
            To
            <input type="date" name="to" defaultValue={props.to} required className={select} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? "period-error" : undefined} />
          </label>
        </>
      )}
      <label className="text-sm font-medium text-slate-700">
        Provider account
        <select name="account" defaultValue={props.accountId ?? ""} className={select}>
          <option value="">All accounts</option>
          {props.accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Campaign
        <select name="campaign" defaultValue={props.campaignId ?? ""} className={`${select} max-w-64`}>
          <option value="">All campaigns</option>
          {props.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <Button type="submit" variant="secondary">Apply</Button>
      {props.error && <p id="period-error" role="alert" className="w-full text-sm text-red-700">{props.error}</p>}
    </form>
  );
}
