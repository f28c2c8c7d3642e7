/**
 * "Simulate a reply from this number": posts an inbound message to an account's inbound webhook exactly as
 * the simulator gateway would, so an admin can try opt-outs and the inbox without a phone.
 */
import { randomUUID } from "node:crypto";
import { webhookUrls } from "../accounts/webhook-urls";
import { postJson, type PostResult } from "./post";
import type { SimulatorInbound } from "./wire";

/** POSTs `text` from `fromNumber` (E.164) to the account's inbound URL; resolves with the webhook's answer, never throws. */
export async function simulateReply(
  account: { webhookToken: string; defaultSender?: string | null },
  fromNumber: string,
  text: string,
  appUrl?: string,
): Promise<PostResult> {
  const body: SimulatorInbound = {
    id: `sim-in-${randomUUID()}`,
    from: fromNumber,
    to: account.defaultSender ?? "Simulator",
    text,
    receivedAt: new Date().toISOString(),
  };
  return postJson(webhookUrls(account, appUrl).inbound, body, "simulated reply");
}
