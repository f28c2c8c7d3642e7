/** Schemas shared by the template form and the server actions behind it. */
import { z } from "zod";

export const templateSchema = z.object({
  name: z.string().trim().min(1, "Give the template a name.").max(100, "Use at most 100 characters."),
  body: z.string().min(1, "Write the message.").max(5000, "A message may be at most 5,000 characters."),
});

export const updateTemplateSchema = templateSchema.extend({ id: z.number().int().positive() });

export const templateIdSchema = z.object({ id: z.number().int().positive() });

export type TemplateInput = z.infer<typeof templateSchema>;
