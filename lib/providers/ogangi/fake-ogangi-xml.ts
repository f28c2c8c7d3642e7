/**
 * The fake OGANGI gateway's replies, in the document's shape: the static part (`input`, `status`,
 * `description`) and a `result`, as a sequence of elements with no root element.
 */
import type { FakeResponse } from "../shared/fake-server";
import { OGANGI_REPLY_STATUSES } from "./codes";

/** A message as sendSMS and getMessage describe it. */
export interface FakeOgangiMessage {
  id: string;
  carrier: string;
  from: string;
  to: string;
  text: string;
  status: string;
  statusDescription: string;
  date: Date;
}

/** An MO message the fake holds for getMOMessages. */
export interface FakeMoMessage {
  text: string;
  /** The subscriber (the document's example puts the mobile number here). */
  from: string;
  /** Our short or long code. */
  to: string;
  keyword: string;
  carrier: string;
  sendDate: Date;
}

/** A whole reply: `status` OK with `result`, or an error status with its documented description. */
export function ogangiReply(input: string, status: keyof typeof OGANGI_REPLY_STATUSES, result?: string): FakeResponse {
  const body =
    `<input>${input}</input>\n<status>${status}</status>\n<description>${OGANGI_REPLY_STATUSES[status]}</description>\n` +
    (result === undefined ? "" : `<result>${result}</result>\n`);
  return { status: 200, body, contentType: "application/xml; charset=utf-8" };
}

export function messageXml(message: FakeOgangiMessage): string {
  return (
    `\n\t<message>\n\t\t<id>${message.id}</id>\n\t\t<carrier>${escapeXml(message.carrier)}</carrier>\n` +
    `\t\t<from>${escapeXml(message.from)}</from>\n\t\t<to>${message.to}</to>\n\t\t<text>${escapeXml(message.text)}</text>\n` +
    `\t\t<status>${message.status}</status>\n\t\t<statusDescription>${escapeXml(message.statusDescription)}</statusDescription>\n` +
    `\t\t<encoding>UTF-8</encoding>\n\t\t<date>${formatOffsetDate(message.date)}</date>\n\t\t<timezone>UTC</timezone>\n` +
    `\t\t<clientId>fake-client</clientId>\n\t</message>\n`
  );
}

export function moListXml(records: number, messages: FakeMoMessage[]): string {
  const items = messages
    .map(
      (mo) =>
        `\t\t<MOMessage>\n\t\t\t<text>${escapeXml(mo.text)}</text>\n\t\t\t<from>${mo.from}</from>\n\t\t\t<to>${mo.to}</to>\n` +
        `\t\t\t<encoding>UTF-8</encoding>\n\t\t\t<keyword>${escapeXml(mo.keyword)}</keyword>\n` +
        `\t\t\t<carrier>${escapeXml(mo.carrier)}</carrier>\n\t\t\t<sendDate>${formatBareDate(mo.sendDate)}</sendDate>\n\t\t</MOMessage>\n`,
    )
    .join("");
  return `\n\t<MOMessageList>\n\t\t<records>${records}</records>\n${items}\t</MOMessageList>\n`;
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS+00:00`, the documented pattern (in UTC). */
function formatOffsetDate(date: Date): string {
  return `${date.toISOString().slice(0, 23)}+00:00`;
}

/** `yyyy-MM-dd HH:mm:ss.SSS`, as in the document's getMOMessages example (UTC here). */
function formatBareDate(date: Date): string {
  return date.toISOString().slice(0, 23).replace("T", " ");
}
