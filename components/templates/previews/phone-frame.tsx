import { BatteryFull, Signal, Wifi } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A phone's bezel and status bar around a preview. The figure carries the accessible name; the
 * content stays real text so it can be read and tested. The status bar is there because a screen
 * needs it (notifications, chats) to read like a device rather than a form.
 */
export function PhoneFrame({
  label,
  os,
  statusBarTone = "dark",
  statusTime = true,
  screenClassName,
  children,
  footer,
}: {
  label: string;
  os: "ios" | "android";
  /** Text colour of the status bar: dark on light screens, light on wallpapers. */
  statusBarTone?: "dark" | "light";
  /** Off on the lock screen, which shows the clock large instead. */
  statusTime?: boolean;
  screenClassName?: string;
  children: ReactNode;
  /** Shown under the phone (counters, findings). */
  footer?: ReactNode;
}) {
  return (
    <figure aria-label={label} className="w-[300px] shrink-0">
      <div
        className={cn(
          "rounded-[44px] bg-neutral-900 p-[10px] shadow-lg ring-1 ring-neutral-700",
          os === "android" && "rounded-[32px]",
        )}
      >
        <div
          className={cn(
            "relative flex h-[600px] flex-col overflow-hidden rounded-[34px] bg-white",
            os === "android" && "rounded-[24px]",
            screenClassName,
          )}
        >
          <div
            className={cn(
              "relative z-10 flex h-11 shrink-0 items-center justify-between px-7 text-[13px] font-semibold",
              statusBarTone === "light" ? "text-white" : "text-neutral-900",
              os === "android" && "h-8 px-5 text-[12px] font-medium",
            )}
            aria-hidden
          >
            <span>{statusTime ? "9:41" : ""}</span>
            {/* The Dynamic Island on iPhone, the camera punch-hole on Android. */}
            {os === "ios" ? (
              <span className="absolute top-2.5 left-1/2 h-[26px] w-[92px] -translate-x-1/2 rounded-full bg-black" />
            ) : (
              <span className="absolute top-2 left-1/2 size-3.5 -translate-x-1/2 rounded-full bg-black" />
            )}
            <span className="flex items-center gap-1">
              <Signal className="size-3.5" />
              <Wifi className="size-3.5" />
              <BatteryFull className="size-4" />
            </span>
          </div>
          {children}
        </div>
      </div>
      {footer && <figcaption className="mt-3">{footer}</figcaption>}
    </figure>
  );
}
