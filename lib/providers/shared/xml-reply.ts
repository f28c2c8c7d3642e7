/**
 * Reads a gateway's XML reply defensively. A reply is believed only when it is complete, well-formed XML: a
 * reply cut short (`<messageid>3524`) must never become a wrong id or a false acceptance. Declarations
 * (`<!DOCTYPE`, `<!ENTITY`) are refused outright, so no entity expansion. Values stay strings: ids are often
 * larger than 2^53.
 *
 * Why not fast-xml-parser (DESIGN.md's XML library): gateway replies are a few attribute-free elements, and
 * parsing one with fast-xml-parser (plus its validator, needed because it accepts truncated input) cost
 * 30–130 µs on this machine against ~60 µs for the whole HTTP exchange, which kept single-message adapters
 * far below their throughput target. This reader does only what such replies need, strictly, in a few µs.
 * The result has fast-xml-parser's shape: a leaf element is its (trimmed) text, an element with children an
 * object, a repeated element an array; attributes, and text beside child elements, are ignored.
 */

export type XmlReply = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const GT = 0x3e;
const SPACE = 0x20;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** JavaScript's `\s`, for the rare character outside ASCII in a tag. */
const WHITESPACE = /\s/;

interface Frame {
  name: string;
  /** The element's children by name; made at its first child (most elements are leaves and need none). */
  node: Record<string, unknown> | undefined;
  text: string;
}

/**
 * Parses `body`. `rootless` accepts several top-level elements (OGANGI's replies are a sequence of elements
 * with no root). `arrayTags` are always returned as arrays, even when there is one.
 *
 * This runs once per message sent, so it scans with indexOf and char codes rather than a tokenizing regex,
 * and slices only what it keeps: element names and leaf text.
 */
export function parseXmlReply(body: string, options: { arrayTags?: readonly string[]; rootless?: boolean } = {}): XmlReply {
  const arrayTags = options.arrayTags ?? [];
  const hasEntities = body.includes("&");
  const top: Frame = { name: "", node: {}, text: "" };
  const stack: Frame[] = [top];
  let roots = 0;
  let pos = 0;
  // The next `<` when an opening tag already looked it up (it must lie beyond that tag's `>`), else -2.
  let nextLt = -2;
  while (pos < body.length) {
    const lt = nextLt === -2 ? body.indexOf("<", pos) : nextLt;
    nextLt = -2;
    const textEnd = lt === -1 ? body.length : lt;
    let frame = stack[stack.length - 1];
    if (textEnd > pos) {
      // an element's text counts only until its first child element (replies have no mixed content)
      if (frame === top) {
        if (body.slice(pos, textEnd).trim()) return failure(body, "text outside any element");
      } else if (!frame.node) frame.text += hasEntities ? decodeEntities(body.slice(pos, textEnd)) : body.slice(pos, textEnd);
    }
    if (lt === -1) break;
    const next = body.charCodeAt(lt + 1);
    if (next === SLASH) {
      // the usual case, `</name>` closing the open element, recognised without slicing the name out
      const end = lt + 2 + frame.name.length;
      if (frame !== top && body.charCodeAt(end) === GT && body.startsWith(frame.name, lt + 2)) pos = end + 1;
      else {
        const gt = body.indexOf(">", lt + 2);
        if (gt === -1) return failure(body, "a closing tag is cut short (truncated reply?)");
        const name = body.slice(lt + 2, gt).trimEnd();
        if (frame === top || frame.name !== name) return failure(body, `unexpected </${name}>`);
        pos = gt + 1;
      }
      stack.pop();
      addChild(stack[stack.length - 1], frame.name, frame.node ?? frame.text.trim(), arrayTags);
    } else if (next === BANG) {
      if (body.startsWith("<!--", lt)) {
        const close = body.indexOf("-->", lt + 4);
        if (close === -1) return failure(body, "unterminated comment");
        pos = close + 3;
      } else if (body.startsWith("<![CDATA[", lt)) {
        const close = body.indexOf("]]>", lt + 9);
        if (close === -1) return failure(body, "unterminated CDATA section");
        if (frame === top) return failure(body, "text outside any element");
        frame.text += body.slice(lt + 9, close);
        pos = close + 3;
      } else {
        return failure(body, "XML declarations (DOCTYPE, ENTITY) are refused");
      }
    } else if (next === QUESTION) {
      const close = body.indexOf("?>", lt + 2);
      if (close === -1) return failure(body, "unterminated processing instruction");
      pos = close + 2; // the XML declaration or another processing instruction: ignored
    } else {
      const gt = body.indexOf(">", lt + 1);
      if (gt === -1) return failure(body, "a tag is cut short (truncated reply?)");
      nextLt = body.indexOf("<", lt + 1);
      const nameEnd = endOfName(body, lt + 1, gt);
      if (nameEnd === lt + 1 || (nextLt !== -1 && nextLt < gt)) return failure(body, "malformed markup");
      const name = nameAt(body, lt + 1, nameEnd);
      if (frame === top) roots++;
      if (body.charCodeAt(gt - 1) === SLASH) addChild(frame, name, "", arrayTags); // `<name/>`, `<name a="1"/>`
      else {
        frame = { name, node: undefined, text: "" };
        stack.push(frame);
      }
      pos = gt + 1;
    }
  }
  if (stack.length > 1) return failure(body, `<${stack[stack.length - 1].name}> is never closed (truncated reply?)`);
  if (roots === 0) return failure(body, "no XML element");
  if (roots > 1 && !options.rootless) return failure(body, "several root elements");
  return { ok: true, value: top.node! };
}

/** Where a tag's name that starts at `start` ends: at the first whitespace or `/`, or at `gt` (the tag's `>`). */
function endOfName(body: string, start: number, gt: number): number {
  for (let i = start; i < gt; i++) {
    const code = body.charCodeAt(i);
    if (code === SLASH || code === SPACE || (code >= 0x09 && code <= 0x0d)) return i;
    if (code > 0x7f && WHITESPACE.test(body[i])) return i;
  }
  return gt;
}

/**
 * Names of elements seen in earlier replies, by a hash of their length and end characters: a reply's names
 * are nearly always ones seen before. Matched in place, the known string is reused, already a property key
 * V8 has internalised, instead of a new slice it must look up in its string table at every use as a key.
 * Bounded: 256 slots, names of at most 40 characters.
 */
const knownNames: (string | undefined)[] = new Array(256).fill(undefined);
const MAX_KNOWN_NAME = 40;

function nameAt(body: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_KNOWN_NAME) return body.slice(start, end);
  const slot = (length * 31 + body.charCodeAt(start) * 7 + body.charCodeAt(end - 1)) & 0xff;
  const known = knownNames[slot];
  if (known !== undefined && known.length === length && body.startsWith(known, start)) return known;
  // copied code unit by code unit: a slice may keep the whole reply in memory while the name is known
  const codes: number[] = [];
  for (let i = start; i < end; i++) codes.push(body.charCodeAt(i));
  const name = String.fromCharCode(...codes);
  knownNames[slot] = name;
  return name;
}

function failure(body: string, reason: string): XmlReply {
  return { ok: false, reason: `${reason}: ${preview(body)}` };
}

function addChild(parent: Frame, name: string, value: unknown, arrayTags: readonly string[]): void {
  const node = (parent.node ??= {});
  const existing = node[name];
  if (existing === undefined) node[name] = arrayTags.includes(name) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[name] = [existing, value];
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

/** `children(node, name)[0]` without building the list: the first such child that is an element. */
export function firstChild(node: unknown, name: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const value = (node as Record<string, unknown>)[name];
  if (!Array.isArray(value)) return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  for (const item of value) if (item && typeof item === "object" && !Array.isArray(item)) return item as Record<string, unknown>;
  return undefined;
}

/** A child element that may repeat, always as a list of objects (missing → empty). */
export function children(node: unknown, name: string): Record<string, unknown>[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [];
  const value = (node as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is Record<string, unknown> => !!item && typeof item === "object" && !Array.isArray(item));
}
