-- DropForeignKey
ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_listId_fkey";
