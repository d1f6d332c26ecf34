import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageRole } from "@/lib/auth/server";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageRole();
  return <AppShell actor={actor}>{children}</AppShell>;
}
