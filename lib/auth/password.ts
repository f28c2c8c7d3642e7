import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash of nothing, compared against when the email is unknown so both paths take the same time. */
export const DUMMY_HASH = bcrypt.hashSync("not-a-password", COST);
