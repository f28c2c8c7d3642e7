-- Hand-written (Prisma's schema language has no column collation, and its diff does not read one).
-- A phone number is "+" and digits: byte order is its only sensible order, and comparing with the "C"
-- collation is a memcmp instead of a locale-aware strcoll on every probe of the unique index, which the
-- contact import does once per row (about 6 % of the server's CPU for a million-row import).
ALTER TABLE "Contact" ALTER COLUMN "phone" SET DATA TYPE TEXT COLLATE "C";

-- Also hand-written: only opted-out contacts are ever looked up by this flag (the contacts page's filter),
-- and they are few, so the index holds only them instead of one entry per contact.
DROP INDEX "Contact_optedOut_idx";
CREATE INDEX "Contact_optedOut_idx" ON "Contact"("optedOut") WHERE "optedOut";
