"use client";

import { useEffect, useRef, useState } from "react";
import type { ZodError } from "zod";
import { ApiError } from "@/components/api-fetch";

export type SaveState = {
  status: "saved" | "pending" | "saving" | "invalid" | "error";
  savedAt: Date | null;
  message?: string;
};
/** Messages by field path ("goals.2", "content.locales.default.subject"). */
export type FieldErrors = Record<string, string>;

/** A schema's issues as field errors (the first per path), under `prefix` when the form nests the value. */
export function fieldErrors(error: ZodError | undefined, prefix: (string | number)[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error?.issues ?? []) errors[[...prefix, ...issue.path].join(".")] ??= issue.message;
  return errors;
}

const DEBOUNCE_MS = 700;
const HELD_MESSAGE = "Everything else is saved; fix the highlighted fields to save them too.";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a form as the user types: after a pause, the top-level fields that changed and that `validate` finds
 * nothing wrong with. A field with a problem shows its message and waits; it never holds back the others.
 * One request at a time; edits made while one is in flight are saved right after it.
 */
export function useAutosave<T extends Record<string, unknown>>(
  value: T,
  options: {
    validate: (value: T) => FieldErrors;
    save: (changes: Partial<T>) => Promise<void>;
    onSaved?: () => void;
    enabled?: boolean;
  },
) {
  const saved = useRef(value);
  const inFlight = useRef(false);
  const [state, setState] = useState<SaveState>({ status: "saved", savedAt: null });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tick, setTick] = useState(0);
  // The latest callbacks, without re-arming the timer every render.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    const changed = (Object.keys(value) as (keyof T & string)[]).filter((key) => !same(value[key], saved.current[key]));
    if (changed.length === 0) {
      setState((s) => (s.status === "saved" ? s : { status: "saved", savedAt: s.savedAt }));
      return;
    }
    const issues = latest.current.validate(value);
    setErrors(issues);
    // A field with a problem is held back; the other changed fields are saved all the same.
    const invalid = (key: string) => Object.keys(issues).some((path) => path === key || path.startsWith(`${key}.`));
    const ready = changed.filter((key) => !invalid(key));
    const held = changed.length - ready.length;
    const heldState = (savedAt: Date | null): SaveState => ({ status: "invalid", savedAt, message: HELD_MESSAGE });
    if (ready.length === 0) {
      setState((s) => heldState(s.savedAt));
      return;
    }
    setState((s) => ({ status: "pending", savedAt: s.savedAt }));
    const save = async () => {
      if (inFlight.current) return;
      inFlight.current = true;
      const changes = Object.fromEntries(ready.map((key) => [key, value[key]])) as Partial<T>;
      setState((s) => ({ status: "saving", savedAt: s.savedAt }));
      try {
        await latest.current.save(changes);
        saved.current = { ...saved.current, ...changes };
        setState(held > 0 ? heldState(new Date()) : { status: "saved", savedAt: new Date() });
        latest.current.onSaved?.();
      } catch (error) {
        const message = error instanceof ApiError ? error.message : "Saving failed.";
        if (error instanceof ApiError && error.field) setErrors((e) => ({ ...e, [error.field!]: error.message }));
        setState((s) => ({ status: "error", savedAt: s.savedAt, message }));
      } finally {
        inFlight.current = false;
        setTick((t) => t + 1); // re-run: edits made during the request are still unsaved
      }
    };
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, tick, enabled]);

  /** After a save made elsewhere (an inline segment), the server's values are the saved state. */
  const markSaved = (fields: Partial<T>) => {
    saved.current = { ...saved.current, ...fields };
  };
  return { state, errors, markSaved };
}
