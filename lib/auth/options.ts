/**
 * next-auth configuration: email + password sign-in, sessions as signed JWT cookies carrying the user's
 * id and role. The role in the cookie is only a hint for rendering; `requireUser` re-reads the user on
 * every request so a deactivation or role change applies at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { config } from "@/lib/env";
import { checkCredentials } from "./sign-in";

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  secret: config().authSecret,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and password.");
        const forwarded = request?.headers?.["x-forwarded-for"];
        const ip = typeof forwarded === "string" ? forwarded.split(",")[0].trim() : undefined;
        const result = await checkCredentials(db(), parsed.data.email, parsed.data.password, ip);
        // next-auth passes a thrown error's message to the sign-in page as `error`.
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = (user as unknown as { role: Role }).role;
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = Number(token.sub);
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
