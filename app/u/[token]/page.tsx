import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadPreferences } from "@/lib/delivery/server";
import { PreferenceForm } from "./preference-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Message preferences",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * The public preference page an unsubscribe link opens: no sign-in, the signed token names the message and so the
 * person.
 */
export default async function PreferencePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preferences = await loadPreferences(token);
  if (!preferences) notFound();
  return (
    <main className="flex min-h-screen items-start justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-lg">
        <PreferenceForm token={token} initial={preferences} />
      </div>
    </main>
  );
}
