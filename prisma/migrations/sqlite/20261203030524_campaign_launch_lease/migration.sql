-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "launchLeaseUntil" DATETIME;
