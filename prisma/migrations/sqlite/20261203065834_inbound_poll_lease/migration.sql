-- AlterTable
ALTER TABLE "ProviderAccount" ADD COLUMN "inboundPollLeaseUntil" DATETIME;
