"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/providers/confirm-button";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label="Revoke"
        title={`Revoke “${name}”?`}
        confirmLabel="Revoke key"
        variant="danger"
        onConfirm={async () => {
          const result = await revokeApiKeyAction({ keyId });
          setError(result.ok ? null : result.error);
        }}
      >
        Every request with this key is refused from now on. This cannot be undone; the system using it will need a new key.
      </ConfirmButton>
      {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
    </>
  );
}
