/**
 * `npm run bench:adapters [count]`: sends `count` messages (default 100,000) through each of the five
 * adapters to its fake on loopback and, in the same run, the same requests raw to the same fake, so each
 * adapter's overhead is a ratio. Each fake runs in a process of its own (adapters/fake-process.ts), so the
 * raw figure is the fake's capacity, not a share of one event loop with the client. Prints figures, with
 * the CPU time per message of the client and of the fake on both paths, then one line of JSON (the issue's
 * keys) as the last line.
 */
import { benchAdapterBulksms } from "./adapters/bulksms";
import { benchAdapterDidww } from "./adapters/didww";
import { describeCpu } from "./adapters/harness";
import { benchAdapterMasiv } from "./adapters/masiv";
import { benchAdapterMttm } from "./adapters/mttm";
import { benchAdapterOgangi } from "./adapters/ogangi";

const count = Number(process.argv[2] ?? 100_000);
const benches = { mttm: benchAdapterMttm, bulksms: benchAdapterBulksms, ogangi: benchAdapterOgangi, didww: benchAdapterDidww, masiv: benchAdapterMasiv };
const targets: Record<string, string> = { mttm: "≥ 10,000 msg/s", bulksms: "≥ 10,000 msg/s", didww: "≥ 10,000 msg/s", ogangi: "≥ 0.8 × fake", masiv: "≥ 0.8 × fake" };

const results: Record<string, { msgs_per_s: number; fake_msgs_per_s: number }> = {};
console.log(`Adapters benchmark: ${count.toLocaleString("en")} messages per adapter, each fake in its own process on 127.0.0.1\n`);
for (const [vendor, bench] of Object.entries(benches)) {
  const r = await bench(count);
  results[vendor] = { msgs_per_s: Math.round(r.msgs_per_s), fake_msgs_per_s: Math.round(r.fake_msgs_per_s) };
  const ratio = r.msgs_per_s / r.fake_msgs_per_s;
  console.log(`${vendor.padEnd(8)} adapter ${Math.round(r.msgs_per_s).toLocaleString("en").padStart(9)} msg/s   fake raw ${Math.round(r.fake_msgs_per_s).toLocaleString("en").padStart(9)} msg/s   ratio ${ratio.toFixed(2)}   target ${targets[vendor]}`);
  console.log(`${"".padEnd(8)} ${describeCpu(r.cpu_us_per_msg)}`);
}
console.log(JSON.stringify({ adapters: results }));
