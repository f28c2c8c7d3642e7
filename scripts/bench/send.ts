/**
 * `npm run bench:send`: the delivery engine's figures in one run, on SQLite and (when TEST_POSTGRES_URL is
 * set) PostgreSQL, each in fresh databases:
 * - launch time of a 1,000,000-recipient campaign (contacts seeded with raw bulk inserts, then
 *   `launchCampaign`; the text has no merge fields, as most bulk campaigns);
 * - send throughput of a worker process to the DIDWW bulk, MTTM batch and Masiv fakes, no rate limit
 *   (a message counts when its submission outcome is recorded), and the fakes' raw capacity for the same
 *   requests (scripts/bench/adapters/<vendor>.ts);
 * - delivery-report ingestion per second through `ingestReports` (webhook-sized calls of one report, 8
 *   at once; and poll-sized calls of 100);
 * - achieved / configured rate at a 500/s account limit;
 * - the worker processes' peak memory (RSS).
 * Targets: launch ≤ 20 s; batch gateways ≥ 10,000 msg/s; Masiv ≥ 0.5 × its fake (measured again just
 * before each database's Masiv run: `masiv_fake_msgs_per_s`, `masiv_fake_ratio`); reports ≥ 3,000/s;
 * rate within ±10 %; worker ≤ 300 MB. The last line printed is the JSON summary.
 * Options: --recipients N (1,000,000), --batch-messages N (200,000), --masiv-messages N (20,000).
 */
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { sqlFor } from "@/lib/db/sql";
import { seedAccount } from "@/lib/delivery/testing/seed-audience";
import { startDidwwFake } from "@/lib/providers/didww/fake-didww";
import { startMasivFake } from "@/lib/providers/masiv/fake-masiv";
import { startMttmFake } from "@/lib/providers/mttm/fake-mttm";
import { createTestDatabase, testDatabases, type TestDatabaseTarget } from "@/lib/testing/test-databases";
import { benchAdapterDidww } from "./adapters/didww";
import { benchAdapterMasiv } from "./adapters/masiv";
import { benchAdapterMttm } from "./adapters/mttm";
import { BENCH_TEXT, benchEngineSend } from "./send/engine-send";
import { benchRateAccuracy } from "./send/rate-accuracy";
import { benchReportIngestion } from "./send/report-ingestion";
import { seedContacts } from "./send/seed-contacts";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const recipients = option("recipients", 1_000_000);
const batchMessages = option("batch-messages", 200_000);
const masivMessages = option("masiv-messages", 20_000);
/** Reports per ingestion figure: two figures, each on its own messages of the DIDWW campaign. */
const REPORTS = Math.min(20_000, Math.floor(batchMessages / 2));
const RATE = 500;
const RATE_MESSAGES = 5_000;
const FIRST_NUMBER = 31800000000;

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const secondsSince = (start: number) => (performance.now() - start) / 1000;

console.log(`Send benchmark: launch ${fmt(recipients)} recipients; ${fmt(batchMessages)} messages to DIDWW and MTTM, ${fmt(masivMessages)} to Masiv\n`);

// The fakes' own capacity for the same requests, sent raw (no adapter, no engine), 8 at once.
const fakes = {
  didww_msgs_per_s: (await benchAdapterDidww(50_000)).fake_msgs_per_s,
  mttm_msgs_per_s: (await benchAdapterMttm(50_000)).fake_msgs_per_s,
  masiv_msgs_per_s: (await benchAdapterMasiv(masivMessages)).fake_msgs_per_s,
};
console.log(`fakes, raw requests: DIDWW ${fmt(fakes.didww_msgs_per_s)} msg/s, MTTM ${fmt(fakes.mttm_msgs_per_s)} msg/s, Masiv ${fmt(fakes.masiv_msgs_per_s)} msg/s`);

async function launchFigure(target: TestDatabaseTarget): Promise<number> {
  const database = await createTestDatabase(target, "bench-launch");
  try {
    let started = performance.now();
    const listId = await seedContacts(database.raw, "launch", recipients, FIRST_NUMBER);
    console.log(`  seeded ${fmt(recipients)} contacts in a list: ${secondsSince(started).toFixed(1)} s`);
    const account = await seedAccount(database.db, "didww", "http://127.0.0.1:9");
    const campaign = await createCampaign(database.db, { name: "bench launch", providerAccountId: account.id, text: BENCH_TEXT, listIds: [listId] }, null);
    const rssBefore = process.resourceUsage().maxRSS;
    started = performance.now();
    await launchCampaign(sqlFor(database.raw), campaign.id);
    const launch = secondsSince(started);
    const messages = await database.db.message.count({ where: { campaignId: campaign.id } });
    if (messages !== recipients) throw new Error(`launch wrote ${messages} messages for ${recipients} recipients`);
    console.log(`  launch: ${launch.toFixed(1)} s (${fmt(recipients / launch)} messages/s; this process's peak RSS ${Math.round(Math.max(rssBefore, process.resourceUsage().maxRSS) / 1024)} MB)   target ≤ 20 s`);
    return Number(launch.toFixed(2));
  } finally {
    await database.drop();
  }
}

async function sendFigures(target: TestDatabaseTarget) {
  const database = await createTestDatabase(target, "bench-send");
  const [didww, mttm, masiv] = await Promise.all([startDidwwFake({ record: false }), startMttmFake({ record: false, callbacks: "off" }), startMasivFake({ record: false })]);
  try {
    const batchList = await seedContacts(database.raw, "batch", batchMessages, FIRST_NUMBER);
    const masivList = await seedContacts(database.raw, "masiv", masivMessages, FIRST_NUMBER);
    const rateList = await seedContacts(database.raw, "rate", RATE_MESSAGES, FIRST_NUMBER);
    const common = { timeoutMs: 30_000 };
    const viaDidww = await benchEngineSend(database, batchList, batchMessages, { ...common, vendor: "didww", url: didww.url, batchSize: 1000 });
    console.log(`  DIDWW bulk: ${fmt(viaDidww.msgs_per_s)} msg/s (${viaDidww.seconds} s; ${(viaDidww.msgs_per_s / fakes.didww_msgs_per_s).toFixed(2)} × fake; worker CPU ${viaDidww.worker_cpu_us_per_msg} µs/msg)   target ≥ 10,000`);
    const viaMttm = await benchEngineSend(database, batchList, batchMessages, { ...common, vendor: "mttm", url: mttm.restUrl, batchSize: 1000 });
    console.log(`  MTTM batch: ${fmt(viaMttm.msgs_per_s)} msg/s (${viaMttm.seconds} s; ${(viaMttm.msgs_per_s / fakes.mttm_msgs_per_s).toFixed(2)} × fake; worker CPU ${viaMttm.worker_cpu_us_per_msg} µs/msg)   target ≥ 10,000`);
    // The fake's capacity again, just before: this machine's speed drifts within minutes, and a ratio
    // against a figure taken minutes earlier (on the other database's turn) measures the drift too.
    const masivFakeNow = (await benchAdapterMasiv(masivMessages)).fake_msgs_per_s;
    const viaMasiv = await benchEngineSend(database, masivList, masivMessages, { ...common, vendor: "masiv", url: masiv.baseUrl, batchSize: 1 });
    const masivRatio = viaMasiv.msgs_per_s / masivFakeNow;
    console.log(`  Masiv: ${fmt(viaMasiv.msgs_per_s)} msg/s (${viaMasiv.seconds} s; ${masivRatio.toFixed(2)} × the fake's ${fmt(masivFakeNow)} msg/s measured just before; worker CPU ${viaMasiv.worker_cpu_us_per_msg} µs/msg)   target ≥ 0.5 × fake`);

    const webhook = await benchReportIngestion(database, viaDidww.campaignId, 0, REPORTS, 1, 8);
    const polled = await benchReportIngestion(database, viaDidww.campaignId, REPORTS, REPORTS, 100, 2);
    console.log(`  reports via ingestReports: ${fmt(webhook.per_s)}/s one per call (8 calls at once, as webhooks); ${fmt(polled.per_s)}/s 100 per call (as a poll)   target ≥ 3,000`);
    console.log(`  a webhook's wait for its report to be committed (its answer waits for this): p50 ${webhook.call_p50_ms} ms, p99 ${webhook.call_p99_ms} ms   target 100 ms`);

    const rate = await benchRateAccuracy(database, rateList, RATE_MESSAGES, RATE);
    console.log(`  rate limit ${RATE}/s: achieved ${fmt(rate.achieved_per_s)}/s (${rate.rate_accuracy} of configured)   target 0.9–1.1`);
    const peak = Math.max(viaDidww.worker_peak_rss_mb, viaMttm.worker_peak_rss_mb, viaMasiv.worker_peak_rss_mb);
    console.log(`  worker peak RSS: ${peak} MB   target ≤ 300`);
    return {
      didww_msgs_per_s: viaDidww.msgs_per_s,
      mttm_msgs_per_s: viaMttm.msgs_per_s,
      masiv_msgs_per_s: viaMasiv.msgs_per_s,
      masiv_fake_msgs_per_s: masivFakeNow,
      masiv_fake_ratio: Number(masivRatio.toFixed(2)),
      dlr_per_s: webhook.per_s,
      dlr_poll_batch_per_s: polled.per_s,
      dlr_answer_p99_ms: webhook.call_p99_ms,
      rate_accuracy: rate.rate_accuracy,
      worker_peak_rss_mb: peak,
    };
  } finally {
    await Promise.all([didww.close(), mttm.close(), masiv.close()]);
    await database.drop();
  }
}

const results: Record<string, Record<string, number> | null> = { sqlite: null, postgres: null };
for (const target of testDatabases()) {
  console.log(`\n${target.name}:`);
  const launch_s = await launchFigure(target);
  results[target.name] = { launch_s, ...(await sendFigures(target)) };
}
console.log(JSON.stringify({ recipients, messages: { didww: batchMessages, mttm: batchMessages, masiv: masivMessages }, fakes, sqlite: results.sqlite, postgres: results.postgres }));
process.exit(0);
