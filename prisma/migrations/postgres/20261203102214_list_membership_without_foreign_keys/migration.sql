-- DropForeignKey
ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_contactId_fkey";

-- DropForeignKey
ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_listId_fkey";
