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

// One token per match, the common ones first; the last alternative matches any other "<", so nothing is
// skipped. 1 text · 2 closing tag · 3 opening tag, 4 "/" when self-closing · 5 CDATA text · 6 declaration ·
// 7 a stray "<" (comments and processing instructions match no group and are ignored)
const TOKEN = /([^<]+)|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:\s[^>]*?)?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!([^>]*)>|(<)/g;
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
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(body); match; match = TOKEN.exec(body)) {
    const frame = stack[stack.length - 1];
    if (match[1] !== undefined) {
      if (frame === top) {
        if (match[1].trim()) return failure(body, "text outside any element");
      } else frame.text += decodeEntities(match[1]);
    } else if (match[2] !== undefined) {
      if (frame === top || frame.name !== match[2]) return failure(body, `unexpected </${match[2]}>`);
      stack.pop();
      addChild(stack[stack.length - 1], frame.name, valueOf(frame), arrayTags);
    } else if (match[3] !== undefined) {
      if (frame === top) roots++;
      if (match[4]) addChild(frame, match[3], "", arrayTags);
      else stack.push({ name: match[3], node: {}, text: "", hasChildren: false });
    } else if (match[5] !== undefined) {
      if (frame === top) return failure(body, "text outside any element");
      frame.text += match[5];
    } else if (match[6] !== undefined) {
      return failure(body, "XML declarations (DOCTYPE, ENTITY) are refused");
    } else if (match[7] !== undefined) {
      return failure(body, "malformed markup");
    }
    // anything else is a comment or a processing instruction (the XML declaration): ignored
  }
  if (stack.length > 1) return failure(body, `<${stack[stack.length - 1].name}> is never closed (truncated reply?)`);
  if (roots === 0) return failure(body, "no XML element");
  if (roots > 1 && !options.rootless) return failure(body, "several root elements");
  return { ok: true, value: top.node };
}

function failure(body: string, reason: string): XmlReply {
  return { ok: false, reason: `${reason}: ${preview(body)}` };
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
