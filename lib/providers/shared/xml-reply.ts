/**
 * Reads a gateway's XML reply defensively. A reply is believed only when it is complete, well-formed XML: a
 * reply cut short (`<messageid>3524`) must never become a wrong id or a false acceptance. Declarations
 * (`<!DOCTYPE`, `<!ENTITY`) are refused outright, so no entity expansion. Values stay strings: ids are often
 * larger than 2^53.
 *
 * Why not fast-xml-parser (DESIGN.md's XML library): gateway replies are a few attribute-free elements, and
 * parsing one with fast-xml-parser (plus its validator, needed because it accepts truncated input) cost
 * 30–130 µs on this machine against ~60 µs for the whole HTTP exchange, which kept single-message adapters
 * far below their throughput target. This reader does only what such replies need, strictly, in ~3 µs.
 * The result has fast-xml-parser's shape: a leaf element is its (trimmed) text, an element with children an
 * object, a repeated element an array; attributes are ignored.
 */

export type XmlReply = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

// One token per match; the last two alternatives match any other character, so nothing is skipped.
// 1 CDATA text · 2 declaration · 3 closing tag · 4 opening tag, 5 "/" when self-closing · 6 text · 7 a stray "<"
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!([^>]*)>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:\s[^>]*?)?(\/?)>|([^<]+)|(<)/g;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

interface Frame {
  name: string;
  node: Record<string, unknown>;
  text: string;
  hasChildren: boolean;
}

/**
 * Parses `body`. `rootless` accepts several top-level elements (OGANGI's replies are a sequence of elements
 * with no root). `arrayTags` are always returned as arrays, even when there is one.
 */
export function parseXmlReply(body: string, options: { arrayTags?: readonly string[]; rootless?: boolean } = {}): XmlReply {
  const arrayTags = options.arrayTags ?? [];
  const top: Frame = { name: "", node: {}, text: "", hasChildren: false };
  const stack: Frame[] = [top];
  let roots = 0;
  const fail = (reason: string): XmlReply => ({ ok: false, reason: `${reason}: ${preview(body)}` });
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(body); match; match = TOKEN.exec(body)) {
    const frame = stack[stack.length - 1];
    if (match[1] !== undefined) {
      if (frame === top) return fail("text outside any element");
      frame.text += match[1];
    } else if (match[2] !== undefined) {
      return fail("XML declarations (DOCTYPE, ENTITY) are refused");
    } else if (match[3] !== undefined) {
      if (frame === top || frame.name !== match[3]) return fail(`unexpected </${match[3]}>`);
      stack.pop();
      addChild(stack[stack.length - 1], frame.name, valueOf(frame), arrayTags);
    } else if (match[4] !== undefined) {
      if (frame === top) roots++;
      const opened: Frame = { name: match[4], node: {}, text: "", hasChildren: false };
      if (match[5]) addChild(frame, opened.name, "", arrayTags);
      else stack.push(opened);
    } else if (match[6] !== undefined) {
      if (frame === top) {
        if (match[6].trim()) return fail("text outside any element");
      } else frame.text += decodeEntities(match[6]);
    } else if (match[7] !== undefined) {
      return fail("malformed markup");
    }
    // anything else is a comment or a processing instruction (the XML declaration): ignored
  }
  if (stack.length > 1) return fail(`<${stack[stack.length - 1].name}> is never closed (truncated reply?)`);
  if (roots === 0) return fail("no XML element");
  if (roots > 1 && !options.rootless) return fail("several root elements");
  return { ok: true, value: top.node };
}

function valueOf(frame: Frame): unknown {
  if (!frame.hasChildren) return frame.text.trim();
  const text = frame.text.trim();
  if (text) frame.node["#text"] = text;
  return frame.node;
}

function addChild(parent: Frame, name: string, value: unknown, arrayTags: readonly string[]): void {
  parent.hasChildren = true;
  const existing = parent.node[name];
  if (existing === undefined) parent.node[name] = arrayTags.includes(name) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent.node[name] = [existing, value];
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity.toLowerCase()];
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
  });
}

/** The first characters of a reply, for error messages that must stay short. */
export function preview(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || "(empty)";
}

/** A child element as an object, or undefined when it is missing or not an element. */
export function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[name];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A child element's text, or undefined when it is missing or holds elements instead of text. */
export function text(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[name];
  if (typeof value === "string") return value;
  return undefined;
}

/** A child element that may repeat, always as a list of objects (missing → empty). */
export function children(node: unknown, name: string): Record<string, unknown>[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [];
  const value = (node as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is Record<string, unknown> => !!item && typeof item === "object" && !Array.isArray(item));
}
