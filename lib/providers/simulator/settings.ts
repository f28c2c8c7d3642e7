/**
 * What an admin sets for the built-in simulator: no credentials, and the behaviour of the pretend network
 * (shares of each outcome, how long reports and replies take, what contacts answer). The titles and
 * descriptions are read by the account form.
 */
import { z } from "zod";
import type { AccountSettings, Capabilities } from "../types";

/** The simulator runs inside the app; this base URL only names it. */
export const SIMULATOR_BASE_URL = "simulator://local";

/** Most destinations one `send` takes, like a real bulk API. */
export const SIMULATOR_MAX_BATCH = 1000;

export const SIMULATOR_CAPABILITIES: Capabilities = {
  maxBatchSize: SIMULATOR_MAX_BATCH,
  nativeSchedule: false,
  unicode: true,
  reports: { webhook: true, poll: false },
  inbound: { webhook: true, poll: false },
};

/** The simulator needs no credentials. */
export const simulatorCredentialsSchema = z.object({});
export type SimulatorCredentials = z.infer<typeof simulatorCredentialsSchema>;

const share = (title: string, description: string, fallback: number) =>
  z.number({ error: "Enter a number between 0 and 1." }).min(0, "Use a number from 0 to 1.").max(1, "Use a number from 0 to 1.").default(fallback).meta({ title, description });

/** Floating-point sums such as 0.92 + 0.05 + 0.03 land a hair above 1. */
const SUM_TOLERANCE = 1e-9;

export const simulatorOptionsSchema = z
  .object({
    rejectShare: share("Rejected share", "Share of messages refused at submission (code 21, number not in service).", 0.02),
    deliverShare: share("Delivered share", "Share of accepted messages later reported delivered.", 0.92),
    undeliverShare: share("Undelivered share", "Share of accepted messages later reported undelivered (code 27, absent subscriber).", 0.05),
    failShare: share(
      "Failed share",
      "Share of accepted messages later reported failed (code 34, blocked by the carrier). Whatever is left after delivered, undelivered and failed gets no report at all, as when a carrier never sends a receipt.",
      0.03,
    ),
    replyShare: share("Reply share", "Share of delivered messages whose recipient answers (with one of the reply texts).", 0.05),
    delayMs: z
      .number({ error: "Enter a number of milliseconds." })
      .int()
      .min(0)
      .max(600_000)
      .default(2_000)
      .meta({ title: "Report delay (ms)", description: "How long after a send the delivery reports are posted to this account's webhook." }),
    replyDelayMs: z
      .number({ error: "Enter a number of milliseconds." })
      .int()
      .min(0)
      .max(600_000)
      .default(5_000)
      .meta({ title: "Reply delay (ms)", description: "How long after its delivery report a reply is posted to the inbound webhook." }),
    replyTexts: z
      .array(z.string().trim().min(1, "Remove empty reply texts.").max(640))
      .min(1, "Give at least one reply text.")
      .default(["Yes", "Thanks!", "STOP"])
      .meta({ title: "Reply texts", description: "One per line; each reply picks one at random. Include STOP to exercise opt-outs." }),
  })
  .refine((o) => o.deliverShare + o.undeliverShare + o.failShare <= 1 + SUM_TOLERANCE, {
    path: ["deliverShare"],
    message: "Delivered, undelivered and failed shares must add up to at most 1.",
  });
export type SimulatorOptions = z.infer<typeof simulatorOptionsSchema>;

export type SimulatorSettings = AccountSettings<SimulatorCredentials, SimulatorOptions>;
