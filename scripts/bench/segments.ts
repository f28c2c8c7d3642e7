/**
 * Messages per second of `countSegments` against `sms-segments-calculator` on the same corpus of 60–160
 * character messages (mostly GSM-7, a fifth UCS-2), on one core. Rates use the process's CPU time, so that
 * other work on a shared machine does not skew them; wall-clock rates are printed beside.
 *
 *   npx tsx scripts/bench/segments.ts
 *
 * The last line is JSON: {"segments_per_s": …, "reference_per_s": …}.
 */
import { SegmentedMessage } from "sms-segments-calculator";
import { type CorpusProfile, corpusText, seededRandom } from "@/lib/sms/segments-corpus";
import { countSegments } from "@/lib/sms/segments";

const MESSAGES = 5_000;
const MIN_CPU_SECONDS = 1;
const PROFILES: CorpusProfile[] = [
  ...Array<CorpusProfile>(14).fill("gsm"),
  "gsm-extended",
  "gsm-extended",
  "ucs2-one-char",
  "ucs2-one-char",
  "ucs2-mixed",
  "ucs2-emoji",
];

function buildCorpus(): string[] {
  const random = seededRandom(0xbe7c);
  return Array.from({ length: MESSAGES }, (_, i) =>
    corpusText(random, PROFILES[i % PROFILES.length], 60 + Math.floor(random() * 101)),
  );
}

/**
 * Runs `count` over the whole corpus until at least `minCpuSeconds` of CPU time passed; returns messages/s
 * and the segments of one pass (which also keeps the work from being optimised away).
 */
function measure(corpus: string[], count: (text: string) => number, minCpuSeconds: number) {
  let passes = 0;
  let segments = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let cpuSeconds = 0;
  do {
    for (const text of corpus) segments += count(text);
    passes++;
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds = (cpu.user + cpu.system) / 1e6;
  } while (cpuSeconds < minCpuSeconds);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const messages = passes * corpus.length;
  return { perCpuSecond: messages / cpuSeconds, perWallSecond: messages / wallSeconds, segments: segments / passes };
}

const corpus = buildCorpus();
const ours = (text: string) => countSegments(text).segments;
const reference = (text: string) => new SegmentedMessage(text).segmentsCount;

measure(corpus, ours, 0.2); // warm-up
measure(corpus.slice(0, 200), reference, 0);
const mine = measure(corpus, ours, MIN_CPU_SECONDS);
const theirs = measure(corpus, reference, 0);
if (mine.segments !== theirs.segments) throw new Error(`segment totals differ: ${mine.segments} vs ${theirs.segments}`);

const chars = corpus.reduce((sum, text) => sum + text.length, 0) / corpus.length;
const rate = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`corpus: ${corpus.length} messages, ${chars.toFixed(0)} UTF-16 units on average, ${mine.segments} segments`);
console.log(`countSegments:           ${rate(mine.perCpuSecond)} messages/s of CPU (${rate(mine.perWallSecond)}/s wall)`);
console.log(`sms-segments-calculator: ${rate(theirs.perCpuSecond)} messages/s of CPU (${rate(theirs.perWallSecond)}/s wall)`);
console.log(`speed-up: ${(mine.perCpuSecond / theirs.perCpuSecond).toFixed(0)}×`);
console.log(JSON.stringify({ segments_per_s: Math.round(mine.perCpuSecond), reference_per_s: Math.round(theirs.perCpuSecond) }));
