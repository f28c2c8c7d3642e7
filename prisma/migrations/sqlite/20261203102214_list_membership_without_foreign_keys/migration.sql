-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ListMembership" (
    "listId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("listId", "contactId")
);
INSERT INTO "new_ListMembership" ("addedAt", "contactId", "listId") SELECT "addedAt", "contactId", "listId" FROM "ListMembership";
DROP TABLE "ListMembership";
ALTER TABLE "new_ListMembership" RENAME TO "ListMembership";
CREATE INDEX "ListMembership_contactId_idx" ON "ListMembership"("contactId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
