"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const Tabs = TabsPrimitive.Root;

/** Give the list an aria-label when no visible heading names the tab set. */
export function TabsList({ className, ...props }: ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn("inline-flex h-8 items-center rounded-md bg-muted p-0.5 text-muted-foreground", className)}
      {...props}
    />
  );
}

/**
 * `switchesView`: the tab set changes what is shown in place (a locale, a preview's width) instead of
 * showing a TabsContent, so the trigger names no panel (an aria-controls to a missing id is invalid).
 */
export function TabsTrigger({
  className,
  switchesView = false,
  ...props
}: ComponentProps<typeof TabsPrimitive.Trigger> & { switchesView?: boolean }) {
  return (
    <TabsPrimitive.Trigger
      {...(switchesView ? { "aria-controls": undefined } : {})}
      className={cn(
        "inline-flex items-center justify-center gap-1.5 rounded-sm px-3 py-1 text-xs font-medium " +
          "whitespace-nowrap transition-colors hover:text-foreground focus-visible:outline-hidden " +
          "focus-visible:ring-2 focus-visible:ring-ring disabled:pointer-events-none " +
          "disabled:opacity-50 data-[state=active]:bg-background data-[state=active]:text-foreground " +
          "data-[state=active]:shadow-xs",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn("rounded-md focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring", className)}
      {...props}
    />
  );
}
