/**
 * The three ways a message reaches MTTM: REST `/secure/send` (one message, its id in the reply), REST
 * `/secure/sendbatch` (many messages, ids later through the batch callbacks) and the HTTP API's `GET /send`.
 * Each function makes one request and returns one outcome per message in it.
 */
import { basicAuth, httpRequest } from "../shared/http";
import type { SendOutcome } from "../types";
import { outcomesForReply, unreadableOutcome } from "./outcomes";
import { readBatchReply, readHttpSendReply, readRestSendReply } from "./replies";
import type { MttmSettings } from "./settings";
import {
  BATCH_PATH,
  batchBody,
  HTTP_SEND_PATH,
  httpSendQuery,
  SEND_PATH,
  singleSendBody,
  type BatchConfig,
  type BatchMember,
  type CommonParams,
} from "./wire";

/** The account's base URL without a trailing slash, so paths can be appended. */
export function baseUrlOf(settings: MttmSettings): string {
  return settings.baseUrl.replace(/\/+$/, "");
}

function postJson(settings: MttmSettings, path: string, body: string, signal?: AbortSignal) {
  return httpRequest({
    method: "POST",
    url: `${baseUrlOf(settings)}${path}`,
    headers: {
      authorization: basicAuth(settings.credentials.username, settings.credentials.password),
      "content-type": "application/json",
      // The REST API refuses (415) clients that do not accept JSON.
      accept: "application/json",
    },
    body,
    timeoutMs: settings.timeoutMs,
    signal,
  });
}

/** One message through `POST /secure/send`. */
export async function sendRestSingle(
  settings: MttmSettings,
  member: BatchMember,
  common: CommonParams,
  signal?: AbortSignal,
): Promise<SendOutcome[]> {
  const { attemptId } = member.message;
  const reply = await postJson(settings, SEND_PATH, singleSendBody(member.message, member.to, common), signal);
  return outcomesForReply([attemptId], reply, settings.options.retryAfterMs, (response) => {
    const read = readRestSendReply(response.body);
    return [read.ok ? { kind: "accepted", attemptId, providerMessageId: read.id } : unreadableOutcome(attemptId, read.reason)];
  });
}

/**
 * Several messages (distinct destinations) through `POST /secure/sendbatch`. Jasmin answers 200 before
 * sending anything and skips malformed entries silently, so the only proof that all of ours were queued
 * is `messageCount`: any other count leaves every message of the batch `unknown`.
 */
export async function sendRestBatch(
  settings: MttmSettings,
  members: readonly BatchMember[],
  common: CommonParams,
  config: BatchConfig,
  signal?: AbortSignal,
): Promise<SendOutcome[]> {
  const attemptIds = members.map((m) => m.message.attemptId);
  const reply = await postJson(settings, BATCH_PATH, batchBody(members, common, config), signal);
  return outcomesForReply(attemptIds, reply, settings.options.retryAfterMs, (response) => {
    const read = readBatchReply(response.body);
    if (!read.ok) return attemptIds.map((id) => unreadableOutcome(id, read.reason));
    if (read.messageCount !== members.length) {
      const reason = `batch ${read.batchId} counted ${read.messageCount} of our ${members.length} messages; which were queued cannot be told`;
      return attemptIds.map((id) => unreadableOutcome(id, reason));
    }
    return attemptIds.map((id) => ({ kind: "accepted", attemptId: id, batchId: read.batchId }));
  });
}

/** One message through the HTTP API's `GET /send` (credentials in the query, as the document shows). */
export async function sendHttp(
  settings: MttmSettings,
  member: BatchMember,
  common: CommonParams,
  signal?: AbortSignal,
): Promise<SendOutcome[]> {
  const { attemptId } = member.message;
  const query = httpSendQuery(member.message, member.to, common, settings.credentials);
  const reply = await httpRequest({ method: "GET", url: `${baseUrlOf(settings)}${HTTP_SEND_PATH}?${query}`, timeoutMs: settings.timeoutMs, signal });
  return outcomesForReply([attemptId], reply, settings.options.retryAfterMs, (response) => {
    const read = readHttpSendReply(response.body);
    return [read.ok ? { kind: "accepted", attemptId, providerMessageId: read.id } : unreadableOutcome(attemptId, read.reason)];
  });
}
