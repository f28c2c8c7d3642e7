/**
 * Checks an email and password. Repeated failures slow the account down: after FREE_ATTEMPTS failures in a
 * row, each further attempt must wait an exponentially growing delay, whatever password it carries.
 */
import type { Db, Role } from "@/lib/db/client";
import { audit } from "@/lib/audit/audit";
import { DUMMY_HASH, verifyPassword } from "./password";

const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60_000;

export type SignInResult =
  | { ok: true; user: { id: number; email: string; role: Role; name: string | null } }
  | { ok: false; message: string };

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** How long after its last failure an account with `failures` consecutive failures must wait. */
export function signInDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export async function checkCredentials(db: Db, email: string, password: string, ip?: string): Promise<SignInResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(password, DUMMY_HASH); // same timing as a known email
    await audit(db, { action: "auth.sign_in_failed", details: { email: email.slice(0, 200) }, ip });
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  const wait = user.lastFailedSignInAt
    ? user.lastFailedSignInAt.getTime() + signInDelayMs(user.failedSignIns) - Date.now()
    : 0;
  if (wait > 0) {
    await audit(db, { action: "auth.sign_in_throttled", userId: user.id, ip });
    return { ok: false, message: `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.` };
  }
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || !user.active) {
    await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 }, lastFailedSignInAt: new Date() } }),
      db.auditLog.create({ data: { action: "auth.sign_in_failed", userId: user.id, ip } }),
    ]);
    return { ok: false, message: valid ? "This account has been deactivated." : WRONG_CREDENTIALS };
  }
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lastFailedSignInAt: null, lastSignInAt: new Date() } }),
    db.auditLog.create({ data: { action: "auth.sign_in", userId: user.id, ip } }),
  ]);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role, name: user.name } };
}
