import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { READERS, ROLE_LABELS } from "@/lib/auth/roles";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const user = await requirePageUser(READERS);
  return (
    <>
      <PageHeader title="Your profile" description={`${user.email} · ${ROLE_LABELS[user.role]}`} />
      <section className="max-w-md rounded-lg border border-slate-200 bg-white p-6">
        <ProfileForm timezone={user.timezone} timezones={Intl.supportedValuesOf("timeZone")} />
      </section>
    </>
  );
}
