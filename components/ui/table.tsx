"use client";

import { useRef, type ComponentProps } from "react";
import { cn } from "./cn";
import { useScrollsSideways } from "./use-scrolls-sideways";

/**
 * The wrapper scrolls sideways on narrow screens, and is then a tab stop so the keyboard can scroll
 * it; give the table a TableCaption (sr-only if need be) or an aria-label.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  const wrapper = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(wrapper);
  return (
    <div
      ref={wrapper}
      // A region that scrolls must take focus to scroll by keyboard (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={scrolls ? 0 : undefined}
      className={
        "relative w-full overflow-x-auto rounded-sm focus-visible:outline-none focus-visible:ring-2 " +
        "focus-visible:ring-ring"
      }
    >
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      className={cn("border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", className)}
      {...props}
    />
  );
}

export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("h-10 px-2 text-left align-middle font-medium whitespace-nowrap text-muted-foreground", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("p-2 align-middle", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />;
}
