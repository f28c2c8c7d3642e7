"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { updateProfileAction } from "../users/actions";

export function ProfileForm({ timezone, timezones }: { timezone: string; timezones: string[] }) {
  const [value, setValue] = useState(timezone);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await updateProfileAction({ timezone: value });
          setMessage(result.ok ? "Saved. Times are now shown in this timezone." : result.error);
        });
      }}
      className="space-y-4"
    >
      <div>
        <label htmlFor="timezone" className="block text-sm font-medium text-slate-700">Timezone used for every time shown to you</label>
        <select id="timezone" value={value} onChange={(e) => setValue(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
          {["UTC", ...timezones.filter((tz) => tz !== "UTC")].map((tz) => <option key={tz} value={tz}>{tz}</option>)}
        </select>
        {browserZone !== value && (
          <button type="button" className="mt-1 text-xs text-brand-600 underline" onClick={() => setValue(browserZone)}>
            Use this browser&apos;s timezone ({browserZone})
          </button>
        )}
      </div>
      {message && <p role="status" className="text-sm">{message}</p>}
      <Button type="submit" disabled={pending}>Save</Button>
    </form>
  );
}
