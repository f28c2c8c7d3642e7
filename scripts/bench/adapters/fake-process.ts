/**
 * One vendor's fake gateway in a process of its own, for the adapter benchmarks: the fake's CPU then never
 * shares an event loop with the client being measured, so "the fake's capacity for the same requests sent
 * raw" is the fake's, not the fake's plus the client's. Started by `startFakeProcess` (harness.ts) as
 * `node --import tsx fake-process.ts '{"vendor": …, "options": …}'`; prints the fake's URLs as one line of
 * JSON, then serves, answering each `cpu` line on stdin with its CPU time so far (µs), until its stdin
 * closes (the bench is done with it, or died).
 */
import { createInterface } from "node:readline";
import { startBulksmsFake } from "../../../lib/providers/bulksms/fake-bulksms";
import { startDidwwFake } from "../../../lib/providers/didww/fake-didww";
import { startMasivFake } from "../../../lib/providers/masiv/fake-masiv";
import { startMttmFake } from "../../../lib/providers/mttm/fake-mttm";
import { startOgangiFake } from "../../../lib/providers/ogangi/fake-ogangi";

export const FAKE_STARTERS = {
  mttm: startMttmFake,
  bulksms: startBulksmsFake,
  ogangi: startOgangiFake,
  didww: startDidwwFake,
  masiv: startMasivFake,
};

export interface FakeProcessConfig {
  vendor: keyof typeof FAKE_STARTERS;
  options: object;
}

const config = JSON.parse(process.argv[2] ?? "") as FakeProcessConfig;
const start = FAKE_STARTERS[config.vendor] as (options: object) => Promise<{ close(): Promise<void> }>;
const fake = await start(config.options);
// Every string the fake exposes is one of its URLs (`url`, `baseUrl`, `restUrl`, `httpUrl`).
console.log(JSON.stringify(Object.fromEntries(Object.entries(fake).filter(([, value]) => typeof value === "string"))));
const commands = createInterface({ input: process.stdin });
commands.on("line", (line) => {
  if (line !== "cpu") return;
  const { user, system } = process.cpuUsage();
  console.log(user + system);
});
commands.once("close", () => void fake.close().then(() => process.exit(0)));
