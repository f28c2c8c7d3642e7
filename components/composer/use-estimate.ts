"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { EstimateRequest } from "@/lib/campaigns/compose.schema";
import type { EstimateFn } from "./types";

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // the key stands for the value: a new object with the same content should not restart the timer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return settled;
}

/**
 * The server's estimate for what the form says now, refreshed 400 ms after the marketer stops typing.
 * Disabled until there is an account, a text and an audience to estimate.
 */
export function useEstimate(estimate: EstimateFn, request: EstimateRequest | null) {
  const settled = useDebounced(request, 400);
  return useQuery({
    queryKey: ["campaign-estimate", settled],
    enabled: settled !== null,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const result = await estimate(settled!);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
}
