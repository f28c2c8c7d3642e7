/**
 * Proves `countSegments` gives the same encoding, parts and units as `sms-segments-calculator` (the reference
 * NOTES.md names) on a generated corpus that sits on both sides of every part boundary.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { GSM_SEPTETS } from "./gsm-charset";
import { CORPUS_PROFILES, corpusText, seededRandom } from "./segments-corpus";
import { countSegments } from "./segments";

/** Unit totals around which the part count changes (septets, then code units); 153 = one full part. */
const GSM_BOUNDARIES = [153, 160, 306, 459];
const UCS2_BOUNDARIES = [67, 70, 134, 201, 268];
/** Texts per profile, boundary and offset (-2…+2) from it. */
const PER_BOUNDARY = 20;
/** The rest are short texts of random length: the reference costs ~5 µs per character. */
const CORPUS_SIZE = 20_000;
const RANDOM_MAX_UNITS = 80;

/** `CORPUS_SIZE` distinct texts, the same on every run. */
function buildCorpus(): string[] {
  const random = seededRandom(0x5e6);
  const texts = new Set<string>();
  for (const profile of CORPUS_PROFILES) {
    for (const boundary of profile.startsWith("gsm") ? GSM_BOUNDARIES : UCS2_BOUNDARIES) {
      for (let offset = -2; offset <= 2; offset++) {
        for (let i = 0; i < PER_BOUNDARY; i++) texts.add(corpusText(random, profile, boundary + offset));
      }
    }
  }
  for (let i = 0; texts.size < CORPUS_SIZE; i++) {
    const profile = CORPUS_PROFILES[i % CORPUS_PROFILES.length];
    texts.add(corpusText(random, profile, Math.floor(random() * (RANDOM_MAX_UNITS + 1))));
  }
  return [...texts];
}

/**
 * The reference costs ~5 µs per character (grapheme splitting, quadratic part packing), so it runs in one
 * worker thread per core; each returns raw figures that `toOurTerms` translates.
 */
const REFERENCE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { SegmentedMessage } = require(workerData.modulePath);
parentPort.postMessage(workerData.texts.map((text) => {
  const m = new SegmentedMessage(text);
  return [m.encodingName, m.segmentsCount, m.messageSize, m.numberOfCharacters, m.segments[m.segmentsCount - 1].messageSizeInBits()];
}));`;

type RawReference = [encodingName: string, segments: number, messageBits: number, characters: number, lastPartBits: number];

async function runReference(texts: string[]): Promise<RawReference[]> {
  const modulePath = createRequire(import.meta.url).resolve("sms-segments-calculator");
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  // deal the texts out like cards so that every worker gets as many long ones
  const hands = Array.from({ length: workers }, (_, w) => texts.filter((_, i) => i % workers === w));
  const answers = await Promise.all(
    hands.map((hand) => {
      const worker = new Worker(REFERENCE_WORKER, { eval: true, workerData: { modulePath, texts: hand } });
      return new Promise<RawReference[]>((resolve, reject) => {
        worker.once("message", (answer: RawReference[]) => {
          resolve(answer);
          void worker.terminate();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`reference worker exited with code ${code}`)));
      });
    }),
  );
  return texts.map((_, i) => answers[i % workers][Math.floor(i / workers)]);
}

/** The reference's answer in our vocabulary. */
function toOurTerms([encodingName, segments, messageBits, characters, lastPartBits]: RawReference) {
  const gsm = encodingName === "GSM-7";
  const bitsPerUnit = gsm ? 7 : 16;
  const perSegment = gsm ? (segments === 1 ? 160 : 153) : segments === 1 ? 70 : 67;
  return {
    encoding: gsm ? "GSM7" : "UCS2",
    segments,
    units: messageBits / bitsPerUnit,
    // the reference counts septets for GSM-7 and graphemes (here: code points) for UCS-2
    characters,
    remaining: perSegment - lastPartBits / bitsPerUnit,
  };
}

describe("countSegments agrees with sms-segments-calculator", () => {
  const corpus = buildCorpus();

  it("on the GSM-7 table, for every UTF-16 code unit", () => {
    const require = createRequire(import.meta.url);
    const table: Record<number, number[]> = require("sms-segments-calculator/dist/libs/UnicodeToGSM").default;
    const mismatches: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (GSM_SEPTETS[unit] !== (table[unit]?.length ?? 0)) mismatches.push(unit);
    }
    expect(mismatches).toEqual([]);
  });

  it(`on ${CORPUS_SIZE} generated texts hugging every boundary`, async () => {
    const references = await runReference(corpus);
    const mismatches: { text: string; ours: object; theirs: object }[] = [];
    for (const [i, text] of corpus.entries()) {
      const ours = countSegments(text);
      const theirs = toOurTerms(references[i]);
      const same =
        ours.encoding === theirs.encoding &&
        ours.segments === theirs.segments &&
        ours.units === theirs.units &&
        (ours.encoding === "GSM7" ? ours.units : ours.characters) === theirs.characters &&
        ours.remaining === theirs.remaining;
      if (!same) mismatches.push({ text, ours, theirs });
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it("covers multi-part texts in both encodings and two-unit items straddling a boundary", () => {
    const counts = corpus.map(countSegments);
    const multiPart = (encoding: string, parts: number) =>
      counts.filter((count) => count.encoding === encoding && count.segments >= parts).length;
    // a part left a unit free because the escape or surrogate pair after it did not fit
    const straddled = counts.filter((c) => c.segments > 1 && c.segments * c.perSegment - c.units - c.remaining > 0);
    // ...and that cost an extra part compared with dividing the units by the part size
    const costlier = straddled.filter((c) => c.segments > Math.ceil(c.units / c.perSegment));
    expect(corpus).toHaveLength(CORPUS_SIZE);
    expect(counts.filter((count) => count.encoding === "UCS2").length).toBeGreaterThan(CORPUS_SIZE / 2);
    expect(multiPart("GSM7", 3)).toBeGreaterThan(250);
    expect(multiPart("UCS2", 4)).toBeGreaterThan(500);
    expect(straddled.length).toBeGreaterThan(400);
    expect(costlier.length).toBeGreaterThan(50);
  });
});
