"use client";

import type { UseFormRegister } from "react-hook-form";
import type { ComposeCampaignInput } from "@/lib/campaigns/compose.schema";

interface Props {
  register: UseFormRegister<ComposeCampaignInput>;
  mode: "now" | "at" | "gateway";
  /** The chosen account's vendor schedules natively (MTTM REST, bulksms, Masiv). */
  nativeSchedule: boolean;
  vendorLabel?: string;
  timezones: string[];
  errors: { scheduleMode?: string; scheduledLocal?: string; timezone?: string };
}

/** Now, later in the app (the default: still pausable), or later at the gateway (handed over at once). */
export function SchedulePicker({ register, mode, nativeSchedule, vendorLabel, timezones, errors }: Props) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">When</legend>
      <div className="mt-1 space-y-1 text-sm">
        <label className="flex items-center gap-2"><input type="radio" value="now" {...register("scheduleMode")} /> Now</label>
        <label className="flex items-center gap-2"><input type="radio" value="at" {...register("scheduleMode")} /> Later: the app sends it at a date and time (it can still be paused or canceled)</label>
        <label className={`flex items-center gap-2 ${nativeSchedule ? "" : "text-slate-400"}`}>
          <input type="radio" value="gateway" disabled={!nativeSchedule} {...register("scheduleMode")} /> Later, held by the gateway
          {!nativeSchedule && <span className="text-xs">({vendorLabel ?? "this account"} has no scheduling of its own)</span>}
        </label>
      </div>
      {errors.scheduleMode && <p className="mt-1 text-xs text-red-700">{errors.scheduleMode}</p>}
      {mode === "gateway" && (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="gateway-warning">
          The messages are handed to {vendorLabel ?? "the gateway"} right away and held there until the time you choose. After that they can no longer be paused,
          canceled or throttled, and opt-outs received in the meantime are not applied.
        </p>
      )}
      {mode !== "now" && (
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="scheduledLocal" className="block text-sm font-medium text-slate-700">Date and time</label>
            <input
              id="scheduledLocal"
              type="datetime-local"
              {...register("scheduledLocal")}
              aria-invalid={errors.scheduledLocal ? true : undefined}
              aria-describedby={errors.scheduledLocal ? "scheduledLocal-error" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500"
            />
            {errors.scheduledLocal && <p id="scheduledLocal-error" className="mt-1 text-xs text-red-700">{errors.scheduledLocal}</p>}
          </div>
          <div>
            <label htmlFor="timezone" className="block text-sm font-medium text-slate-700">Time zone</label>
            <select id="timezone" {...register("timezone")} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
              {timezones.map((tz) => <option key={tz} value={tz}>{tz}</option>)}
            </select>
            {errors.timezone && <p className="mt-1 text-xs text-red-700">{errors.timezone}</p>}
          </div>
        </div>
      )}
    </fieldset>
  );
}
