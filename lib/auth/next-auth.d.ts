import type { Role } from "@/lib/db/generated/sqlite/enums";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; email?: string | null; name?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
  }
}
