/**
 * The simulator's own webhook format: small JSON documents, POSTed like a real gateway's pushes.
 *
 *   delivery report  POST <report url>   {"reports":[{"id":"sim-…","to":"+31…","status":"DELIVERED","at":"…"}]}
 *   inbound message  POST <inbound url>  {"id":"sim-in-…","from":"+31…","to":"Simulator","text":"STOP","receivedAt":"…"}
 */
import { z } from "zod";

/** Final statuses the simulator reports, with the vendor-style error of the unhappy ones. */
export const SIMULATOR_STATUSES = ["DELIVERED", "UNDELIVERED", "FAILED", "EXPIRED", "ENROUTE"] as const;
export type SimulatorStatus = (typeof SIMULATOR_STATUSES)[number];

/** The simulator's error-code table (one place, as for every vendor). */
export const SIMULATOR_CODES = {
  invalidNumber: { code: "22", text: "Invalid destination number" },
  notInService: { code: "21", text: "Destination number not in service" },
  absentSubscriber: { code: "27", text: "Absent subscriber (handset off or out of coverage)" },
  blocked: { code: "34", text: "Message blocked by the carrier" },
} as const;

export const simulatorReportSchema = z.object({
  id: z.string().min(1),
  to: z.string(),
  /** Any string is accepted on the wire; unknown ones become `raw` events. */
  status: z.string().min(1),
  errorCode: z.string().optional(),
  errorText: z.string().optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type SimulatorReport = z.infer<typeof simulatorReportSchema>;

export const simulatorReportBodySchema = z.object({ reports: z.array(simulatorReportSchema).max(10_000) });

export const simulatorInboundSchema = z.object({
  id: z.string().min(1),
  from: z.string().regex(/^\+[1-9]\d{5,14}$/, "from must be an E.164 number"),
  to: z.string().min(1),
  text: z.string().max(10_000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type SimulatorInbound = z.infer<typeof simulatorInboundSchema>;
