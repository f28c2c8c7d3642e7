/**
 * The benchmark's CSV: names, two custom fields (city, tier) and a phone column mixing the shapes real
 * exports have: 50% already E.164 (ten countries), 30% national format for the default country (US),
 * 19% international with spaces or dashes, 1% invalid. Deterministic (seeded), written streamed.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "../../lib/testing/seeded-random";

export const DEFAULT_COUNTRY = "US";


const FIRST = ["Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Inès", "Jonas", "Kenji", "Lucía"];
const LAST = ["Martin", "Smith", "García", "Müller", "Rossi", "Silva", "Kumar", "Nguyen", "O'Brien", "Dubois"];
const CITIES = ["Paris", "London", "New York", "Berlin", "Madrid", "São Paulo", "Mumbai", "Toronto"];
const TIERS = ["gold", "silver", "bronze"];
const US_AREAS = ["201", "212", "305", "312", "415", "512", "617", "702", "808", "917"];

export async function writeBenchCsv(file: string, rows: number, seed = 42): Promise<void> {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(next() * 10);
    return s;
  };
  const usLocal = () => `${2 + Math.floor(next() * 8)}${digits(2)}${digits(4)}`; // NXX-XXXX
  /** [E.164, international with spaces/dashes] for a random country. */
  const international = (): [string, string] => {
    switch (Math.floor(next() * 10)) {
      case 0: { const a = pick(US_AREAS), l = usLocal(); return [`+1${a}${l}`, `+1 ${a}-${l.slice(0, 3)}-${l.slice(3)}`]; }
      case 1: { const s = digits(6); return [`+447712${s}`, `+44 7712 ${s}`]; }
      case 2: { const s = digits(8); return [`+336${s}`, `+33 6-${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}-${s.slice(6)}`]; }
      case 3: { const s = digits(8); return [`+49151${s}`, `+49 151 ${s}`]; }
      case 4: { const s = digits(8); return [`+346${s}`, `+34 6${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5)}`]; }
      case 5: { const s = digits(7); return [`+39347${s}`, `+39 347 ${s}`]; }
      case 6: { const s = digits(8); return [`+55119${s}`, `+55 11 9${s.slice(0, 4)}-${s.slice(4)}`]; }
      case 7: { const s = digits(9); return [`+919${s}`, `+91 9${s.slice(0, 4)} ${s.slice(4)}`]; }
      case 8: { const s = digits(8); return [`+5255${s}`, `+52 55 ${s.slice(0, 4)} ${s.slice(4)}`]; }
      default: { const l = usLocal(); return [`+1416${l}`, `+1 416 ${l.slice(0, 3)} ${l.slice(3)}`]; }
    }
  };
  const national = () => {
    const a = pick(US_AREAS), l = usLocal();
    const forms = [`(${a}) ${l.slice(0, 3)}-${l.slice(3)}`, `${a}-${l.slice(0, 3)}-${l.slice(3)}`, `${a}.${l.slice(0, 3)}.${l.slice(3)}`, `${a}${l}`];
    return pick(forms);
  };
  const invalid = () => pick(["12345", "not a number", "+999 123 456", `(${pick(US_AREAS)}) 555-01`, "", "+1 111 222 3333"]);

  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write("phone,first_name,last_name,city,tier\n");
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const r = next() * 100;
    const phone = r < 50 ? international()[0] : r < 80 ? national() : r < 99 ? international()[1] : invalid();
    const last = pick(LAST);
    buffer += `${phone},${pick(FIRST)},${last.includes(",") ? `"${last}"` : last},${pick(CITIES)},${pick(TIERS)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
