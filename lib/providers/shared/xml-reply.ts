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
  let pos = 0;
  // A scan with indexOf rather than a tokenizing regex: this runs once per message sent.
  while (pos < body.length) {
    const lt = body.indexOf("<", pos);
    const textEnd = lt === -1 ? body.length : lt;
    let frame = stack[stack.length - 1];
    if (textEnd > pos) {
      const text = body.slice(pos, textEnd);
      // an element's text counts only until its first child element (replies have no mixed content)
      if (frame === top) {
        if (text.trim()) return failure(body, "text outside any element");
      } else if (!frame.hasChildren) frame.text += decodeEntities(text);
    }
    if (lt === -1) break;
    const next = body.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = body.indexOf(">", lt + 2);
      if (gt === -1) return failure(body, "a closing tag is cut short (truncated reply?)");
      const name = body.slice(lt + 2, gt).trimEnd();
      if (frame === top || frame.name !== name) return failure(body, `unexpected </${name}>`);
      stack.pop();
      addChild(stack[stack.length - 1], name, valueOf(frame), arrayTags);
      pos = gt + 1;
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
      const inner = body.slice(lt + 1, gt);
      const selfClosing = inner.endsWith("/");
      const nameEnd = inner.search(/[\s/]/);
      const name = nameEnd === -1 ? inner : inner.slice(0, nameEnd);
      if (!name || inner.includes("<")) return failure(body, "malformed markup");
      if (frame === top) roots++;
      if (selfClosing) addChild(frame, name, "", arrayTags);
      else {
        frame = { name, node: {}, text: "", hasChildren: false };
        stack.push(frame);
      }
      pos = gt + 1;
    }
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
  return frame.hasChildren ? frame.node : frame.text.trim();
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
