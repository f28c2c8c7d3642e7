/**
 * Credentials travel in the query string of every request, so any text that could echo a URL (a proxy's
 * error page, a network error) is cleared of them before it becomes an outcome reason or a message an
 * admin sees. Reasons are stored and shown; they must never carry a password.
 */

const PREVIEW_CHARS = 160;
/** `username=…` / `password=…` as they appear in an echoed query string. */
const CREDENTIAL_PARAMETER = /\b(username|password)=[^&\s"'<>]*/gi;

/**
 * A function that shortens `text` to a one-line preview, with credential parameters and every form of the
 * password (raw, URL-encoded, form-encoded) masked.
 */
export function previewWithout(password: string): (text: string) => string {
  const forms = [...new Set([password, encodeURIComponent(password), new URLSearchParams({ p: password }).toString().slice(2)])]
    .filter((form) => form !== "")
    // the longest form first, so a shorter one never leaves part of a longer one behind
    .sort((a, b) => b.length - a.length);
  const window = PREVIEW_CHARS + Math.max(0, ...forms.map((form) => form.length));
  return (text) => {
    let preview = text.slice(0, window).replace(CREDENTIAL_PARAMETER, "$1=***");
    for (const form of forms) preview = preview.replaceAll(form, "***");
    preview = preview.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
    return preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview || "(empty body)";
  };
}
