-- DropIndex
DROP INDEX "Message_campaignId_contactId_key";

-- DropIndex
DROP INDEX "Message_contactId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Message_contactId_campaignId_key" ON "Message"("contactId", "campaignId");
