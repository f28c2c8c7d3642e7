import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips and never stores the plaintext", () => {
    const stored = encryptSecret('{"password":"hunter2"}', key);
    expect(stored).not.toContain("hunter2");
    expect(decryptSecret(stored, key)).toBe('{"password":"hunter2"}');
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("fails loudly with a wrong key or a tampered value", () => {
    const stored = encryptSecret("secret", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(DecryptionError);
    const tampered = stored.slice(0, -4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => decryptSecret(tampered, key)).toThrow(/APP_ENCRYPTION_KEY/);
    expect(() => decryptSecret("plain text", key)).toThrow(/unknown format/);
  });
});
