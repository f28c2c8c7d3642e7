/** Enabling, disabling and deleting provider accounts; each change is audited in its transaction. */
import { audit } from "@/lib/audit/audit";
import { type Db, Prisma } from "@/lib/db/client";
import { NotFoundError, UserError } from "@/lib/errors";

function inUse(campaigns: number): UserError {
  return new UserError(
    `This account is used by ${campaigns} campaign${campaigns === 1 ? "" : "s"}, so it cannot be deleted (their messages and reports refer to it). Disable it instead: no new campaign can use it then.`,
    409,
  );
}

/** Enables or disables an account; a disabled account is offered to no new campaign. */
export async function setAccountEnabled(db: Db, actorId: number | null, accountId: number, enabled: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const account = await tx.providerAccount.findUnique({ where: { id: accountId }, select: { enabled: true } });
    if (!account) throw new NotFoundError("The provider account");
    if (account.enabled === enabled) return;
    await tx.providerAccount.update({ where: { id: accountId }, data: { enabled } });
    await audit(tx, { action: enabled ? "provider.enable" : "provider.disable", userId: actorId, targetType: "provider_account", targetId: accountId });
  });
}

/** Deletes an account that no campaign references; refuses with a clear message otherwise. */
export async function deleteAccount(db: Db, actorId: number | null, accountId: number): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const account = await tx.providerAccount.findUnique({ where: { id: accountId }, select: { name: true, vendor: true } });
      if (!account) throw new NotFoundError("The provider account");
      const campaigns = await tx.campaign.count({ where: { providerAccountId: accountId } });
      if (campaigns > 0) throw inUse(campaigns);
      // Delivery events belong to its campaigns' messages, and it has no campaign left; but events carry no
      // foreign key to the account (schema.prisma says why), so any still here would dangle: deleted here.
      await tx.deliveryEvent.deleteMany({ where: { providerAccountId: accountId } });
      await tx.providerAccount.delete({ where: { id: accountId } });
      await audit(tx, { action: "provider.delete", userId: actorId, targetType: "provider_account", targetId: accountId, details: account });
    });
  } catch (error) {
    // A campaign created between the count and the delete: the foreign key (onDelete: Restrict) refuses.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014")) {
      throw inUse(await db.campaign.count({ where: { providerAccountId: accountId } }));
    }
    throw error;
  }
}
