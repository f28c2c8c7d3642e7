/** Removes this run's build folder and database (kept only while the run needs them). */
import { rmSync } from "node:fs";

export default function teardown(): void {
  const port = process.env.E2E_PORT;
  if (!port) return;
  rmSync(`.next-e2e-${port}`, { recursive: true, force: true });
  rmSync(`data/e2e-${port}`, { recursive: true, force: true });
  rmSync(`tsconfig.e2e-${port}.json`, { force: true });
}
