-- DropForeignKey
ALTER TABLE "DeliveryEvent" DROP CONSTRAINT "DeliveryEvent_providerAccountId_fkey";

-- DropForeignKey
ALTER TABLE "Message" DROP CONSTRAINT "Message_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "Message" DROP CONSTRAINT "Message_providerAccountId_fkey";

-- DropForeignKey
ALTER TABLE "SendAttempt" DROP CONSTRAINT "SendAttempt_providerAccountId_fkey";
