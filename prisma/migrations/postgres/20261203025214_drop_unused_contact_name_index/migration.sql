-- DropIndex
DROP INDEX "Contact_lastName_firstName_idx";
