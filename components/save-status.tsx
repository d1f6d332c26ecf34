import { AlertCircle, Check, Loader2 } from "lucide-react";
import type { SaveState } from "./use-autosave";

/** The editor's one save indicator, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const time = state.savedAt?.toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const content = {
    saved: (
      <>
        <Check className="size-4 text-success" aria-hidden /> {time ? `Saved at ${time}` : "All changes saved"}
      </>
    ),
    pending: (
      <>
        <Loader2 className="size-4 animate-spin" aria-hidden /> Unsaved changes…
      </>
    ),
    saving: (
      <>
        <Loader2 className="size-4 animate-spin" aria-hidden /> Saving…
      </>
    ),
    invalid: (
      <>
        <AlertCircle className="size-4 text-destructive" aria-hidden /> {state.message}
      </>
    ),
    error: (
      <>
        <AlertCircle className="size-4 text-destructive" aria-hidden /> Not saved: {state.message}
      </>
    ),
  }[state.status];
  return (
    <p
      role="status"
      aria-live="polite"
      className="flex items-center gap-1.5 text-sm text-muted-foreground"
      data-save-state={state.status}
    >
      {content}
    </p>
  );
}
