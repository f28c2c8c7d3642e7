-- DropForeignKey
ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_contactId_fkey";
