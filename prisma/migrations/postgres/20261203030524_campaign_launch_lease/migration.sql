-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "launchLeaseUntil" TIMESTAMP(3);
