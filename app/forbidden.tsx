import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role does not include it. Ask an admin if you need it.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-600 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
