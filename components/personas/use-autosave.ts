"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { personaFieldsSchema, type PersonaFields } from "@/lib/personas/schema";

export type SaveState = { status: "saved" | "pending" | "saving" | "invalid" | "error"; savedAt: Date | null; message?: string };
export type FieldErrors = Record<string, string>;

const DEBOUNCE_MS = 700;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a persona draft as the product manager types: after a pause, only the fields that changed,
 * and only once they pass the shared schema (errors are shown per field instead of being sent).
 * One request at a time; edits made while one is in flight are saved right after it.
 */
export function useAutosave(personaId: string, draft: PersonaFields, onSaved?: () => void) {
  const saved = useRef(draft);
  const inFlight = useRef(false);
  const [state, setState] = useState<SaveState>({ status: "saved", savedAt: null });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tick, setTick] = useState(0);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  useEffect(() => {
    const changed = (Object.keys(draft) as (keyof PersonaFields)[]).filter((key) => !same(draft[key], saved.current[key]));
    if (changed.length === 0) {
      setState((s) => (s.status === "saved" ? s : { status: "saved", savedAt: s.savedAt }));
      return;
    }
    const parsed = personaFieldsSchema.safeParse(draft);
    const issues: FieldErrors = {};
    if (!parsed.success) for (const issue of parsed.error.issues) issues[issue.path.join(".")] ??= issue.message;
    setErrors(issues);
    const blocked = changed.filter((key) => Object.keys(issues).some((path) => path === key || path.startsWith(`${key}.`)));
    if (blocked.length > 0) {
      setState((s) => ({ status: "invalid", savedAt: s.savedAt, message: "Fix the highlighted fields to save." }));
      return;
    }
    setState((s) => ({ status: "pending", savedAt: s.savedAt }));
    const timer = setTimeout(async () => {
      if (inFlight.current) return;
      inFlight.current = true;
      const body = Object.fromEntries(changed.map((key) => [key, parsed.success ? parsed.data[key] : draft[key]]));
      setState((s) => ({ status: "saving", savedAt: s.savedAt }));
      try {
        await apiFetch(`/api/personas/${personaId}`, { method: "PATCH", body });
        saved.current = { ...saved.current, ...body };
        setState({ status: "saved", savedAt: new Date() });
        onSavedRef.current?.();
      } catch (error) {
        const message = error instanceof ApiError ? error.message : "Saving failed.";
        if (error instanceof ApiError && error.field) setErrors((e) => ({ ...e, [error.field!]: error.message }));
        setState((s) => ({ status: "error", savedAt: s.savedAt, message }));
      } finally {
        inFlight.current = false;
        setTick((t) => t + 1); // re-run: edits made during the request are still unsaved
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, personaId, tick]);

  /** After a save made elsewhere (an inline segment), the server's values are the saved state. */
  const markSaved = (fields: Partial<PersonaFields>) => {
    saved.current = { ...saved.current, ...fields };
  };
  return { state, errors, markSaved };
}
