/**
 * The GSM 03.38 default alphabet as a lookup table, so that encoding detection and segment counting cost one
 * array read per UTF-16 code unit (NOTES.md, "Segments").
 */

/** Characters of the basic table: one septet each. ESC (0x1B) is left out: it only prefixes the extension table. */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** Characters of the extension table: ESC plus one septet, so two septets each. The backtick is not among them. */
const EXTENSION = "\f^{}\\[~]|€";

/**
 * Septets each UTF-16 code unit costs in GSM-7, indexed by char code: 1 (basic table), 2 (extension table) or
 * 0 (not GSM-7, so the whole message must go out as UCS-2). Every GSM character is a single BMP code unit.
 */
export const GSM_SEPTETS: Uint8Array = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < BASIC.length; i++) table[BASIC.charCodeAt(i)] = 1;
  for (let i = 0; i < EXTENSION.length; i++) table[EXTENSION.charCodeAt(i)] = 2;
  return table;
}
