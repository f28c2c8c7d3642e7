-- Hand-written (Prisma's schema language has no partial indexes, and its diff does not read a predicate).
-- A message changes state three or four times (queued, sending, submitted, a report), and PostgreSQL writes
-- a new entry in every index of the row each time, except in a partial index whose predicate the new row
-- fails. These two serve only rows that are waiting:
-- - (state, expiresAt) finds queued messages past their validity and claims left `sending` by a dead worker;
-- - nextPollAt finds messages due for a status poll, and is null for every gateway that pushes its reports.
DROP INDEX "Message_state_expiresAt_idx";
CREATE INDEX "Message_state_expiresAt_idx" ON "Message"("state", "expiresAt") WHERE "state" IN ('queued', 'sending');
DROP INDEX "Message_nextPollAt_idx";
CREATE INDEX "Message_nextPollAt_idx" ON "Message"("nextPollAt") WHERE "nextPollAt" IS NOT NULL;
