"use client";

import { useState, useTransition } from "react";
import type { Role } from "@/lib/db/generated/sqlite/enums";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { changeRoleAction, setActiveAction } from "./actions";

interface Props {
  user: { id: number; email: string; role: Role; active: boolean };
  lastSignIn: string;
  isSelf: boolean;
}

export function UserRow({ user, lastSignIn, isSelf }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? "Failed."));
    });

  return (
    <tr className="border-t border-slate-200" data-testid={`user-${user.email}`}>
      <td className="p-3">{user.email}</td>
      <td className="p-3">
        <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={pending}
          onChange={(e) => run(() => changeRoleAction({ userId: user.id, role: e.target.value as Role }))}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </td>
      <td className="p-3">{user.active ? "Active" : "Deactivated"}</td>
      <td className="p-3">{lastSignIn}</td>
      <td className="p-3 text-right">
        {!isSelf && (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => setActiveAction({ userId: user.id, active: !user.active }))}
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
          >
            {user.active ? "Deactivate" : "Reactivate"}
          </button>
        )}
        {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
      </td>
    </tr>
  );
}
