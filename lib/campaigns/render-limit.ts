/**
 * Recipients the composer's estimate renders to count segments when the text has merge fields; past the
 * limit the total is extrapolated and the page says so. Rendering 100,000 takes about 0.5 s on SQLite and
 * 0.6 s on PostgreSQL with fresh statistics, on the project's 2-core reference machine; the live preview,
 * re-run as the marketer types, renders fewer. Its own file so the browser can show them without
 * importing the server code.
 */
export const RENDER_LIMIT = 100_000;
export const PREVIEW_RENDER_LIMIT = 10_000;
