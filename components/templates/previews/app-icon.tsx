import { cn } from "@/components/ui/cn";

/** A stand-in app icon: the app's initial on a coloured square, as the real icon is not known here. */
export function AppIcon({ name, className }: { name: string; className?: string }) {
  return (
    <span
      className={cn(
        "flex shrink-0 items-center justify-center bg-gradient-to-br from-indigo-500 to-violet-600 " +
          "font-semibold text-white",
        className,
      )}
      aria-hidden
    >
      {name.trim().charAt(0).toUpperCase() || "A"}
    </span>
  );
}
