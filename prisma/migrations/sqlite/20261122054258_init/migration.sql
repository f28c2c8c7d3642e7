-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lastFailedSignInAt" DATETIME,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProviderAccount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "vendor" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credentialsEncrypted" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "defaultSender" TEXT,
    "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 10,
    "batchSize" INTEGER NOT NULL DEFAULT 1,
    "timeoutMs" INTEGER NOT NULL DEFAULT 15000,
    "pricePerSegment" DECIMAL NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "webhookToken" TEXT NOT NULL,
    "previousWebhookToken" TEXT,
    "previousTokenExpiresAt" DATETIME,
    "inboundCursor" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "phone" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "country" TEXT,
    "timezone" TEXT,
    "optedOut" BOOLEAN NOT NULL DEFAULT false,
    "optedOutAt" DATETIME,
    "optOutSource" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CustomField" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ContactList" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ListMembership" (
    "listId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("listId", "contactId"),
    CONSTRAINT "ListMembership_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ContactList" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ListMembership_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "listId" INTEGER,
    "defaultCountry" TEXT,
    "mapping" JSONB NOT NULL,
    "totalRows" INTEGER,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "chunksDone" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportJob_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ContactList" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportRejectedRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "importJobId" INTEGER NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ImportRejectedRow_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Template" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Template_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scheduleMode" TEXT NOT NULL DEFAULT 'now',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "providerAccountId" INTEGER NOT NULL,
    "sender" TEXT,
    "templateId" INTEGER,
    "text" TEXT NOT NULL,
    "recipients" JSONB,
    "scheduledAt" DATETIME,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "ratePerSecond" INTEGER,
    "validityHours" INTEGER NOT NULL DEFAULT 24,
    "createdById" INTEGER,
    "failureReason" TEXT,
    "launchedAt" DATETIME,
    "completedAt" DATETIME,
    "canceledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "sendingCount" INTEGER NOT NULL DEFAULT 0,
    "submittedCount" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "deliveredCount" INTEGER NOT NULL DEFAULT 0,
    "undeliveredCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "expiredCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "unknownCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "canceledCount" INTEGER NOT NULL DEFAULT 0,
    "segmentCount" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL NOT NULL DEFAULT 0,
    CONSTRAINT "Campaign_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Campaign_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignList" (
    "campaignId" INTEGER NOT NULL,
    "listId" INTEGER NOT NULL,
    "exclude" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("campaignId", "listId"),
    CONSTRAINT "CampaignList_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignList_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ContactList" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Message" (
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
    CONSTRAINT "Message_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SendAttempt" (
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
    CONSTRAINT "SendAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SendAttempt_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryEvent" (
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
    CONSTRAINT "DeliveryEvent_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliveryEvent_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliveryEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "SendAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnmatchedReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "providerAccountId" INTEGER NOT NULL,
    "providerMessageId" TEXT,
    "batchId" TEXT,
    "destination" TEXT,
    "event" JSONB NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "UnmatchedReport_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "providerAccountId" INTEGER NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contactId" INTEGER,
    "campaignId" INTEGER,
    "keyword" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboundMessage_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InboundMessage_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InboundMessage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OptOutEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contactId" INTEGER NOT NULL,
    "optedOut" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT,
    "userId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OptOutEvent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OptOutEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdById" INTEGER,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "apiKeyId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "IdempotencyRecord_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER,
    "apiKeyId" INTEGER,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditLog_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryStat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bucketStart" DATETIME NOT NULL,
    "providerAccountId" INTEGER NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "segments" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL NOT NULL DEFAULT 0,
    CONSTRAINT "DeliveryStat_providerAccountId_fkey" FOREIGN KEY ("providerAccountId") REFERENCES "ProviderAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliveryStat_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "refilledAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderAccount_name_key" ON "ProviderAccount"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderAccount_webhookToken_key" ON "ProviderAccount"("webhookToken");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderAccount_previousWebhookToken_key" ON "ProviderAccount"("previousWebhookToken");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_phone_key" ON "Contact"("phone");

-- CreateIndex
CREATE INDEX "Contact_optedOut_idx" ON "Contact"("optedOut");

-- CreateIndex
CREATE INDEX "Contact_country_idx" ON "Contact"("country");

-- CreateIndex
CREATE INDEX "Contact_lastName_firstName_idx" ON "Contact"("lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "CustomField_key_key" ON "CustomField"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ContactList_name_key" ON "ContactList"("name");

-- CreateIndex
CREATE INDEX "ListMembership_contactId_idx" ON "ListMembership"("contactId");

-- CreateIndex
CREATE INDEX "ImportRejectedRow_importJobId_rowNumber_idx" ON "ImportRejectedRow"("importJobId", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Template_name_key" ON "Template"("name");

-- CreateIndex
CREATE INDEX "Campaign_status_scheduledAt_idx" ON "Campaign"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Campaign_createdAt_idx" ON "Campaign"("createdAt");

-- CreateIndex
CREATE INDEX "Message_campaignId_state_id_idx" ON "Message"("campaignId", "state", "id");

-- CreateIndex
CREATE INDEX "Message_providerAccountId_providerMessageId_idx" ON "Message"("providerAccountId", "providerMessageId");

-- CreateIndex
CREATE INDEX "Message_providerAccountId_batchId_idx" ON "Message"("providerAccountId", "batchId");

-- CreateIndex
CREATE INDEX "Message_state_retryAt_idx" ON "Message"("state", "retryAt");

-- CreateIndex
CREATE INDEX "Message_providerAccountId_nextPollAt_idx" ON "Message"("providerAccountId", "nextPollAt");

-- CreateIndex
CREATE INDEX "Message_contactId_idx" ON "Message"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_campaignId_contactId_key" ON "Message"("campaignId", "contactId");

-- CreateIndex
CREATE INDEX "SendAttempt_providerAccountId_providerMessageId_idx" ON "SendAttempt"("providerAccountId", "providerMessageId");

-- CreateIndex
CREATE INDEX "SendAttempt_providerAccountId_batchId_idx" ON "SendAttempt"("providerAccountId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "SendAttempt_messageId_number_key" ON "SendAttempt"("messageId", "number");

-- CreateIndex
CREATE INDEX "DeliveryEvent_messageId_idx" ON "DeliveryEvent"("messageId");

-- CreateIndex
CREATE INDEX "DeliveryEvent_providerAccountId_providerMessageId_idx" ON "DeliveryEvent"("providerAccountId", "providerMessageId");

-- CreateIndex
CREATE INDEX "DeliveryEvent_receivedAt_idx" ON "DeliveryEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "UnmatchedReport_providerAccountId_providerMessageId_idx" ON "UnmatchedReport"("providerAccountId", "providerMessageId");

-- CreateIndex
CREATE INDEX "UnmatchedReport_providerAccountId_batchId_destination_idx" ON "UnmatchedReport"("providerAccountId", "batchId", "destination");

-- CreateIndex
CREATE INDEX "UnmatchedReport_expiresAt_idx" ON "UnmatchedReport"("expiresAt");

-- CreateIndex
CREATE INDEX "InboundMessage_receivedAt_idx" ON "InboundMessage"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundMessage_contactId_idx" ON "InboundMessage"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_providerAccountId_providerMessageId_key" ON "InboundMessage"("providerAccountId", "providerMessageId");

-- CreateIndex
CREATE INDEX "OptOutEvent_contactId_createdAt_idx" ON "OptOutEvent"("contactId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_apiKeyId_key_key" ON "IdempotencyRecord"("apiKeyId", "key");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "DeliveryStat_campaignId_idx" ON "DeliveryStat"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryStat_bucketStart_providerAccountId_campaignId_state_key" ON "DeliveryStat"("bucketStart", "providerAccountId", "campaignId", "state");
