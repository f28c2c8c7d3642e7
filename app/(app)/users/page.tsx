import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/users/manage-users";
import { formatDateTime } from "@/lib/time/format";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser(ADMINS);
  const users = await listUsers(db());
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and what their role lets them do." />
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="users-table">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th className="p-3">Email</th><th className="p-3">Role</th><th className="p-3">Status</th><th className="p-3">Last sign-in</th><th className="p-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={{ id: u.id, email: u.email, role: u.role, active: u.active }} lastSignIn={formatDateTime(u.lastSignInAt, me.timezone)} isSelf={u.id === me.id} />
          ))}
        </tbody>
      </table>
      <section className="mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-lg font-medium">Add a user</h2>
        <CreateUserForm />
      </section>
    </>
  );
}
