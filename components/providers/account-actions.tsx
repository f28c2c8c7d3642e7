"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import type { ActionResult } from "@/lib/auth/action";
import { ConfirmButton } from "./confirm-button";

type Run<T> = (input: { accountId: number }) => Promise<ActionResult<T>>;

interface Props {
  accountId: number;
  accountName: string;
  enabled: boolean;
  graceDays: number;
  testConnection: Run<{ ok: boolean; message: string }>;
  setEnabled: (input: { accountId: number; enabled: boolean }) => Promise<ActionResult<void>>;
  rotateToken: Run<unknown>;
  remove: Run<void>;
}

/** Test connection, enable/disable, rotate the webhook token and delete, each with its answer shown. */
export function AccountActions({ accountId, accountName, enabled, graceDays, testConnection, setEnabled, rotateToken, remove }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [check, setCheck] = useState<{ ok: boolean; message: string } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const report = (result: ActionResult<unknown>, success: string) => {
    setNotice(result.ok ? { ok: true, text: success } : { ok: false, text: result.error });
    if (result.ok) router.refresh();
    return result.ok;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setCheck(null);
              const result = await testConnection({ accountId });
              setCheck(result.ok ? result.data : { ok: false, message: result.error });
            })
          }
        >
          {pending ? "Testing…" : "Test connection"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => startTransition(async () => void report(await setEnabled({ accountId, enabled: !enabled }), enabled ? "Account disabled." : "Account enabled."))}
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <ConfirmButton
          label="Rotate token"
          title="Rotate the webhook token?"
          confirmLabel="Rotate"
          onConfirm={async () => void report(await rotateToken({ accountId }), "New webhook URLs below; paste them into the vendor's portal.")}
        >
          New webhook URLs are generated. The current URLs keep working for {graceDays} days, so reports for messages already sent still
          arrive; update the vendor&apos;s portal before then.
        </ConfirmButton>
        <ConfirmButton
          label="Delete"
          title={`Delete “${accountName}”?`}
          confirmLabel="Delete account"
          variant="danger"
          onConfirm={async () => {
            if (report(await remove({ accountId }), "Deleted.")) router.push("/providers");
          }}
        >
          The account and its stored credentials are removed. An account that campaigns used cannot be deleted; disable it instead.
        </ConfirmButton>
      </div>
      {check && (
        <p role="status" data-testid="connection-result" className={`rounded-md p-3 text-sm ${check.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          <strong>{check.ok ? "Connection OK. " : "Connection failed. "}</strong>
          {check.message}
        </p>
      )}
      {notice && (
        <p role={notice.ok ? "status" : "alert"} data-testid="account-action-message" className={`text-sm ${notice.ok ? "text-green-700" : "text-red-700"}`}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
