/** Schemas shared by the users page's forms and the server actions behind them. */
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const timezoneSchema = z
  .string()
  .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "Choose a valid timezone.");

export const createUserSchema = z.object({
  email: z.email("Enter a valid email address.").transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES),
  password: z.string().min(10, "Use at least 10 characters.").max(200),
  timezone: timezoneSchema.default("UTC"),
});

export const changeRoleSchema = z.object({ userId: z.number().int().positive(), role: z.enum(ROLES) });

export const setActiveSchema = z.object({ userId: z.number().int().positive(), active: z.boolean() });

export const updateProfileSchema = z.object({ timezone: timezoneSchema });
