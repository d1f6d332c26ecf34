import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import { can, ROLE_LABELS } from "@/lib/auth";
import type { Actor } from "@/lib/auth";
import { NAV_ITEMS } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(actor.role, item.permission));
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r bg-sidebar text-sidebar-foreground">
        <div className="border-b px-2 py-3">
          <WorkspaceSwitcher workspaceName={actor.workspaceName} />
        </div>
        <div className="flex-1 overflow-y-auto p-3">
          <SidebarNav items={items} />
        </div>
        <div className="flex items-center gap-1 border-t p-3">
          <div className="min-w-0 flex-1">
            <UserMenu name={actor.name} email={actor.email} roleLabel={ROLE_LABELS[actor.role]} />
          </div>
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1">
        <div className="mx-auto max-w-6xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
