// Generates both Prisma clients offline. Prisma's CLI looks for its native schema engine before doing
// anything, and that binary cannot be downloaded here; `generate` never uses it, so any existing file
// satisfies the check (../shared/STACK-NOTES.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false" };
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  if (!existsSync(schema)) continue;
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit", env });
}
