-- DropIndex
DROP INDEX "Message_providerAccountId_nextPollAt_idx";

-- DropIndex
DROP INDEX "Message_state_retryAt_idx";

-- DropIndex
DROP INDEX "Message_providerAccountId_batchId_idx";

-- DropIndex
DROP INDEX "Message_providerAccountId_providerMessageId_idx";

-- CreateIndex
CREATE INDEX "Message_state_expiresAt_idx" ON "Message"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "Message_nextPollAt_idx" ON "Message"("nextPollAt");
