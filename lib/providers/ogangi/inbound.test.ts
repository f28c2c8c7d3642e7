import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../types";
import { startOgangiFake, type OgangiFake } from "./fake-ogangi";
import { fireMessage, InboundPollError, ogangiProvider } from "./index";
import { ogangiSettingsFor } from "./test-support";

let fake: OgangiFake;
beforeEach(async () => {
  fake = await startOgangiFake();
});
afterEach(() => fake.close());

type Overrides = Parameters<typeof ogangiSettingsFor>[1];
const adapter = (overrides: Overrides = {}) => ogangiProvider.create(ogangiSettingsFor(fake, overrides));

function inject(count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    fake.injectInbound({ from: `5812345${String(i).padStart(4, "0")}`, text: `reply ${i}`, sendDate: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) });
  }
}

/** Polls until the cursor stops moving, collecting everything (as the engine would over several rounds). */
async function drain(overrides: Overrides, cursor: string | undefined): Promise<{ messages: InboundMessage[]; cursor?: string }> {
  const messages: InboundMessage[] = [];
  for (;;) {
    const page = await adapter(overrides).pollInbound!(cursor);
    messages.push(...page.messages);
    if (page.cursor === cursor) return { messages, cursor };
    cursor = page.cursor;
  }
}

describe("ogangi pollInbound", () => {
  it("receives a reply injected with fireMessage (the vendor's test hook)", async () => {
    const settings = ogangiSettingsFor(fake, { options: { inboundStartFrom: "beginning" } });
    expect(await fireMessage(settings, "+58123456789", "STOP por favor 👋")).toEqual({ ok: true });
    const { messages, cursor } = await ogangiProvider.create(settings).pollInbound!(undefined);
    expect(messages).toEqual([
      { providerMessageId: expect.stringMatching(/^mo-[0-9a-f]{32}$/), from: "+58123456789", to: "19893143924", text: "STOP por favor 👋", receivedAt: expect.any(Date) },
    ]);
    expect(fake.server.requests[1].path).toContain("/tools/getMOMessages/8/1/100/order=asc/");
    expect((await ogangiProvider.create(settings).pollInbound!(cursor)).messages).toEqual([]);
  });

  it("starts from now by default: history stays behind, later replies arrive once", async () => {
    inject(3);
    const first = await adapter().pollInbound!(undefined);
    expect(first.messages).toEqual([]);
    inject(2, 3);
    const second = await adapter().pollInbound!(first.cursor);
    expect(second.messages.map((m) => m.text)).toEqual(["reply 3", "reply 4"]);
    expect(second.messages[0].receivedAt).toEqual(new Date("2024-01-01T00:00:03Z"));
    expect((await adapter().pollInbound!(second.cursor)).messages).toEqual([]);
  });

  it("pages through many messages in order, across calls, without duplicates or gaps", async () => {
    inject(23);
    const options = { inboundStartFrom: "beginning", inboundPageSize: 2 } as const;
    const first = await adapter({ options }).pollInbound!(undefined);
    expect(first.messages).toHaveLength(20); // 10 pages of 2: one call reads at most 10 pages
    inject(4, 23);
    const rest = await drain({ options }, first.cursor);
    const texts = [...first.messages, ...rest.messages].map((m) => m.text);
    expect(texts).toEqual(Array.from({ length: 27 }, (_, i) => `reply ${i}`));
  });

  it("counts pages from 0 when the account says so", async () => {
    await fake.close();
    fake = await startOgangiFake({ firstPage: 0 });
    inject(5);
    const options = { inboundStartFrom: "beginning", inboundPageSize: 2, inboundFirstPage: 0 } as const;
    expect((await drain({ options }, undefined)).messages.map((m) => m.text)).toEqual(["reply 0", "reply 1", "reply 2", "reply 3", "reply 4"]);
  });

  it("finds its place again when old messages are purged", async () => {
    inject(6);
    const options = { inboundStartFrom: "beginning", inboundPageSize: 2 } as const;
    const first = await drain({ options }, undefined);
    expect(first.messages).toHaveLength(6);
    fake.inbound.splice(0, 3);
    inject(2, 6);
    const next = await drain({ options }, first.cursor);
    expect(next.messages.map((m) => m.text)).toEqual(["reply 6", "reply 7"]);
  });

  it("starts over when the last message it saw is gone (duplicates are dropped by id downstream)", async () => {
    inject(3);
    const options = { inboundStartFrom: "beginning" } as const;
    const first = await drain({ options }, undefined);
    fake.inbound.splice(0, 3);
    inject(1, 3);
    const next = await drain({ options }, first.cursor);
    expect(next.messages.map((m) => m.text)).toEqual(["reply 3"]);
  });

  it("gives the same message the same id on every read", async () => {
    inject(2);
    const options = { inboundStartFrom: "beginning" } as const;
    const a = await adapter({ options }).pollInbound!(undefined);
    const b = await adapter({ options }).pollInbound!(undefined);
    expect(a.messages.map((m) => m.providerMessageId)).toEqual(b.messages.map((m) => m.providerMessageId));
    expect(new Set(a.messages.map((m) => m.providerMessageId)).size).toBe(2);
  });

  it("sends the account's filters, percent-encoded inside the signed path", async () => {
    fake.injectInbound({ from: "58111111111", text: "OGANGI yes" });
    fake.injectInbound({ from: "58111111111", text: "other" });
    const options = { inboundStartFrom: "beginning", inboundFilters: { keyword: "^OGANGI.*", from: "58111111111" } } as const;
    const { messages } = await adapter({ options }).pollInbound!(undefined);
    expect(fake.server.requests[0].path).toContain("/from=58111111111&keyword=%5EOGANGI.*&order=asc/");
    expect(messages.map((m) => m.text)).toEqual(["OGANGI yes"]);
  });

  it("reads the subscriber from `to` when the account says the table is right", async () => {
    fake.injectInbound({ from: "19893143924", to: "58123456789", text: "hi" });
    const options = { inboundStartFrom: "beginning", inboundSubscriberField: "to" } as const;
    const { messages } = await adapter({ options }).pollInbound!(undefined);
    expect(messages[0]).toMatchObject({ from: "+58123456789", to: "19893143924" });
  });

  it("rejects with InboundPollError on a bad signature, an unreadable reply or cursor, keeping the cursor valid", async () => {
    const wrong = adapter({ credentials: { instanceId: "8", publicKey: "4BFB-4943-9546-9BB8964254F2", privateKey: "bad" } });
    await expect(wrong.pollInbound!(undefined)).rejects.toThrow(InboundPollError);
    fake.server.inject({ type: "malformed", body: "<html>busy</html>" });
    await expect(adapter().pollInbound!(undefined)).rejects.toThrow(/unreadable reply/);
    await expect(adapter().pollInbound!("garbage")).rejects.toThrow(/unreadable inbound cursor/);
  });
});
