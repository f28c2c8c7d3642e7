"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import type { ComposerAccount } from "./types";

/** Registration options for the account select: its value is the account id, a number. */
export const accountIdOptions = { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) };

interface Props {
  accounts: ComposerAccount[];
  /** `register("providerAccountId", accountIdOptions)` */
  field: UseFormRegisterReturn;
  account?: ComposerAccount;
  error?: string;
}

/** The provider account to send through; a disabled one can be seen but is flagged on the field at once. */
export function AccountSelect({ accounts, field, account, error }: Props) {
  const problem = error ?? (account && !account.enabled ? "This account is disabled; choose another." : account && !account.available ? "This version cannot send through this gateway." : undefined);
  return (
    <div>
      <label htmlFor="providerAccountId" className="block text-sm font-medium text-slate-700">Provider account</label>
      <select
        id="providerAccountId"
        {...field}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? "providerAccountId-error" : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500"
      >
        <option value="">Choose an account…</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} · {a.vendorLabel}{a.enabled ? "" : " (disabled)"}
          </option>
        ))}
      </select>
      {problem && <p id="providerAccountId-error" className="mt-1 text-xs text-red-700">{problem}</p>}
      {account && Number(account.pricePerSegment) > 0 && (
        <p className="mt-1 text-xs text-slate-500">{account.pricePerSegment} {account.currency} per segment.</p>
      )}
    </div>
  );
}
