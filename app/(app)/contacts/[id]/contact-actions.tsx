"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { deleteContactsAction, setOptOutAction } from "../actions";

export function ContactActions({ id, optedOut }: { id: number; optedOut: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => startTransition(async () => {
          const result = await setOptOutAction({ contactIds: [id], optedOut: !optedOut });
          setError(result.ok ? null : result.error);
          router.refresh();
        })}
      >
        {optedOut ? "Opt back in" : "Opt out"}
      </Button>
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!confirm("Delete this contact? Messages already sent to it stay in campaign reports; messages still queued for it are skipped. This cannot be undone.")) return;
          startTransition(async () => {
            const result = await deleteContactsAction({ contactIds: [id] });
            if (result.ok) router.push("/contacts");
            else setError(result.error);
          });
        }}
      >
        Delete contact
      </Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </div>
  );
}
