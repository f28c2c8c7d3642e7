-- AlterTable
ALTER TABLE "ProviderAccount" ADD COLUMN     "inboundPollLeaseUntil" TIMESTAMP(3);
