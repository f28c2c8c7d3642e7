/**
 * Reads the gateway's answer to a submission. Documented: `1701|<CELL_NO>|<MESSAGE ID>`, one tuple per
 * destination joined by commas, failed destinations without an id (`1706|23405`). Seen in the wild:
 * `1701|<cell>:<id>`. A bare code (`1703`) refuses the whole request. Anything else is unreadable, and an
 * unreadable reply never counts as an acceptance.
 */

/** One destination's result. */
export interface ReplyTuple {
  code: string;
  /** The number as the gateway echoed it. */
  destination: string;
  messageId?: string;
  /** The tuple exactly as received, kept beside our outcome. */
  raw: string;
}

export type SubmissionReply =
  | { kind: "request"; code: string }
  | { kind: "tuples"; tuples: ReplyTuple[] }
  | { kind: "unreadable" };

const CODE = /^\d{1,6}$/;
const DESTINATION = /^\+?\d{1,20}$/;
/** Printable ASCII but the pipe (commas cannot occur: the reply was split on them); RouteSMS ids are UUID-like. */
const MESSAGE_ID = /^[!-{}~]{1,128}$/;

/** Parses a reply body; pieces that are not tuples are dropped (their destinations stay unanswered). */
export function parseSubmissionReply(body: string): SubmissionReply {
  const trimmed = body.trim();
  if (CODE.test(trimmed)) return { kind: "request", code: trimmed };
  const tuples: ReplyTuple[] = [];
  for (const piece of trimmed.split(/[,\r\n]+/)) {
    const tuple = parseTuple(piece.trim());
    if (tuple) tuples.push(tuple);
  }
  return tuples.length > 0 ? { kind: "tuples", tuples } : { kind: "unreadable" };
}

/** `code|destination`, `code|destination|id` or `code|destination:id`. */
function parseTuple(piece: string): ReplyTuple | undefined {
  const first = piece.indexOf("|");
  if (first < 0) return undefined;
  const second = piece.indexOf("|", first + 1);
  const code = piece.slice(0, first);
  let destination: string;
  let messageId: string | undefined;
  if (second >= 0) {
    destination = piece.slice(first + 1, second);
    messageId = piece.slice(second + 1);
  } else {
    const colon = piece.indexOf(":", first + 1);
    destination = colon < 0 ? piece.slice(first + 1) : piece.slice(first + 1, colon);
    messageId = colon < 0 ? undefined : piece.slice(colon + 1);
  }
  if (!CODE.test(code) || !DESTINATION.test(destination)) return undefined;
  if (messageId === "") messageId = undefined;
  if (messageId !== undefined && !MESSAGE_ID.test(messageId)) return undefined;
  return { code, destination, messageId, raw: piece };
}
