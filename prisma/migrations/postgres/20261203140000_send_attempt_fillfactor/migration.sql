-- Hand-written (Prisma's schema language has no storage parameters, and its diff does not read them).
-- An attempt is written three or four times after it is opened (request started, outcome, reports), and
-- only the outcome changes an indexed column (its provider ids). The other updates can be HOT (a new row
-- version on the same page, no new entry in any of the table's four indexes) when the page has room:
-- pages filled to 70 % leave it. Same-run A/B, 50,000 messages in batches of 1,000: request-started marks
-- 12.5 -> 11.0 ms and delivery reports 77.6 -> 69.2 ms per 1,000 (medians of three pairs).
ALTER TABLE "SendAttempt" SET (fillfactor = 70);
