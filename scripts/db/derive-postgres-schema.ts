/**
 * `npx tsx scripts/db/derive-postgres-schema.ts [--check]`: writes prisma/postgres/schema.prisma from
 * prisma/schema.prisma. `--check` leaves the file alone and exits 1 when the committed copy is stale.
 */
import { writeFileSync } from "node:fs";
import { DERIVED, deriveStatus } from "./postgres-schema";

function main(): void {
  const { expected, upToDate } = deriveStatus();
  if (process.argv.includes("--check")) {
    if (!upToDate) {
      console.error(`${DERIVED} is stale: run \`npx tsx scripts/db/derive-postgres-schema.ts\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${DERIVED} is up to date.`);
    return;
  }
  writeFileSync(DERIVED, expected);
  console.log(upToDate ? `${DERIVED} unchanged.` : `Wrote ${DERIVED}.`);
}

main();
