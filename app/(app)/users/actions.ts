"use server";

import { revalidatePath } from "next/cache";
import { adminAction, signedInAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { changeRole, createUser, setActive, updateTimezone } from "@/lib/users/manage-users";
import { changeRoleSchema, createUserSchema, setActiveSchema, updateProfileSchema } from "@/lib/users/users.schema";

export const createUserAction = adminAction(createUserSchema, async (input, actor) => {
  const user = await createUser(db(), actor.id, input);
  revalidatePath("/users");
  return user;
});

export const changeRoleAction = adminAction(changeRoleSchema, async ({ userId, role }, actor) => {
  await changeRole(db(), actor.id, userId, role);
  revalidatePath("/users");
});

export const setActiveAction = adminAction(setActiveSchema, async ({ userId, active }, actor) => {
  await setActive(db(), actor.id, userId, active);
  revalidatePath("/users");
});

export const updateProfileAction = signedInAction(updateProfileSchema, async ({ timezone }, user) => {
  await updateTimezone(db(), user.id, timezone);
  revalidatePath("/", "layout");
});
