-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "contactId" INTEGER,
    "destination" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "segments" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "skipReason" TEXT,
    "currentAttemptId" INTEGER,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "providerAccountId" INTEGER NOT NULL,
    "providerMessageId" TEXT,
    "batchId" TEXT,
    "errorCode" TEXT,
    "errorText" TEXT,
    "rawStatus" TEXT,
    "cost" DECIMAL,
    "currency" TEXT,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "retryAt" DATETIME,
    "nextPollAt" DATETIME,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "sentAt" DATETIME,
    "finalAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Message_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("attemptCount", "batchId", "campaignId", "claimedAt", "claimedBy", "contactId", "cost", "createdAt", "currency", "currentAttemptId", "destination", "encoding", "errorCode", "errorText", "expiresAt", "finalAt", "id", "nextPollAt", "providerAccountId", "providerMessageId", "rawStatus", "retryAt", "segments", "sentAt", "skipReason", "state", "submittedAt", "text", "updatedAt") SELECT "attemptCount", "batchId", "campaignId", "claimedAt", "claimedBy", "contactId", "cost", "createdAt", "currency", "currentAttemptId", "destination", "encoding", "errorCode", "errorText", "expiresAt", "finalAt", "id", "nextPollAt", "providerAccountId", "providerMessageId", "rawStatus", "retryAt", "segments", "sentAt", "skipReason", "state", "submittedAt", "text", "updatedAt" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_campaignId_state_id_idx" ON "Message"("campaignId", "state", "id");
CREATE INDEX "Message_state_expiresAt_idx" ON "Message"("state", "expiresAt");
CREATE INDEX "Message_nextPollAt_idx" ON "Message"("nextPollAt");
CREATE INDEX "Message_contactId_idx" ON "Message"("contactId");
CREATE UNIQUE INDEX "Message_campaignId_contactId_key" ON "Message"("campaignId", "contactId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
