-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeliveryEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "providerAccountId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "attemptId" INTEGER,
    "providerMessageId" TEXT,
    "state" TEXT,
    "rawStatus" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorText" TEXT,
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "occurredAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeliveryEvent_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliveryEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "SendAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DeliveryEvent" ("applied", "attemptId", "errorCode", "errorText", "id", "messageId", "occurredAt", "providerAccountId", "providerMessageId", "rawStatus", "receivedAt", "state") SELECT "applied", "attemptId", "errorCode", "errorText", "id", "messageId", "occurredAt", "providerAccountId", "providerMessageId", "rawStatus", "receivedAt", "state" FROM "DeliveryEvent";
DROP TABLE "DeliveryEvent";
ALTER TABLE "new_DeliveryEvent" RENAME TO "DeliveryEvent";
CREATE INDEX "DeliveryEvent_messageId_idx" ON "DeliveryEvent"("messageId");
CREATE INDEX "DeliveryEvent_providerAccountId_providerMessageId_idx" ON "DeliveryEvent"("providerAccountId", "providerMessageId");
CREATE INDEX "DeliveryEvent_receivedAt_idx" ON "DeliveryEvent"("receivedAt");
CREATE TABLE "new_Message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,
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
    CONSTRAINT "Message_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("attemptCount", "batchId", "campaignId", "claimedAt", "claimedBy", "contactId", "cost", "createdAt", "currency", "currentAttemptId", "destination", "encoding", "errorCode", "errorText", "expiresAt", "finalAt", "id", "nextPollAt", "providerAccountId", "providerMessageId", "rawStatus", "retryAt", "segments", "sentAt", "skipReason", "state", "submittedAt", "text", "updatedAt") SELECT "attemptCount", "batchId", "campaignId", "claimedAt", "claimedBy", "contactId", "cost", "createdAt", "currency", "currentAttemptId", "destination", "encoding", "errorCode", "errorText", "expiresAt", "finalAt", "id", "nextPollAt", "providerAccountId", "providerMessageId", "rawStatus", "retryAt", "segments", "sentAt", "skipReason", "state", "submittedAt", "text", "updatedAt" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_campaignId_state_id_idx" ON "Message"("campaignId", "state", "id");
CREATE INDEX "Message_state_expiresAt_idx" ON "Message"("state", "expiresAt");
CREATE INDEX "Message_nextPollAt_idx" ON "Message"("nextPollAt");
CREATE INDEX "Message_contactId_idx" ON "Message"("contactId");
CREATE UNIQUE INDEX "Message_campaignId_contactId_key" ON "Message"("campaignId", "contactId");
CREATE TABLE "new_SendAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "providerAccountId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'sending',
    "providerMessageId" TEXT,
    "batchId" TEXT,
    "requestStartedAt" DATETIME,
    "finishedAt" DATETIME,
    "errorCode" TEXT,
    "errorText" TEXT,
    "rawStatus" TEXT,
    "cost" DECIMAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SendAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SendAttempt" ("batchId", "cost", "createdAt", "errorCode", "errorText", "finishedAt", "id", "messageId", "number", "providerAccountId", "providerMessageId", "rawStatus", "requestStartedAt", "state", "updatedAt") SELECT "batchId", "cost", "createdAt", "errorCode", "errorText", "finishedAt", "id", "messageId", "number", "providerAccountId", "providerMessageId", "rawStatus", "requestStartedAt", "state", "updatedAt" FROM "SendAttempt";
DROP TABLE "SendAttempt";
ALTER TABLE "new_SendAttempt" RENAME TO "SendAttempt";
CREATE INDEX "SendAttempt_providerAccountId_providerMessageId_idx" ON "SendAttempt"("providerAccountId", "providerMessageId");
CREATE INDEX "SendAttempt_providerAccountId_batchId_idx" ON "SendAttempt"("providerAccountId", "batchId");
CREATE UNIQUE INDEX "SendAttempt_messageId_number_key" ON "SendAttempt"("messageId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
