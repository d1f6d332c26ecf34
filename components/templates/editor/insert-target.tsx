"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

/** The text field a variable goes into: the last one focused, wherever its caret was left. */
type InsertTarget = { id: string; label: string; insert: (text: string) => void };

const Context = createContext<{
  target: InsertTarget | null;
  setTarget: (target: InsertTarget) => void;
  clear: (id: string) => void;
} | null>(null);

/** Wraps an editor whose text fields can receive variables from the VariablePicker. */
export function InsertTargetProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<InsertTarget | null>(null);
  const clear = useCallback((id: string) => setTarget((t) => (t?.id === id ? null : t)), []);
  const value = useMemo(() => ({ target, setTarget, clear }), [target, clear]);
  return <Context value={value}>{children}</Context>;
}

/** The field variables would go into now, for the picker. */
export function useInsertTarget(): InsertTarget | null {
  return useContext(Context)?.target ?? null;
}

/**
 * Props for an input or textarea that accepts variables: on focus it becomes the target, and an
 * insert replaces its selection (the caret stays where the user left it, even after the picker
 * took focus) and puts the caret after the inserted text.
 */
export function useInsertable<E extends HTMLInputElement | HTMLTextAreaElement>(
  label: string,
  onChange: (value: string) => void,
) {
  const context = useContext(Context);
  const id = useId();
  const ref = useRef<E>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const clear = context?.clear;
  useEffect(() => () => clear?.(id), [clear, id]);
  const onFocus = () =>
    context?.setTarget({
      id,
      label,
      insert: (text) => {
        const el = ref.current;
        if (!el) return;
        const start = el.selectionStart ?? el.value.length;
        const end = el.selectionEnd ?? start;
        latest.current(el.value.slice(0, start) + text + el.value.slice(end));
        // After React has written the new value, or the caret would land at the end.
        requestAnimationFrame(() => {
          el.focus();
          el.setSelectionRange(start + text.length, start + text.length);
        });
      },
    });
  return { ref, onFocus };
}
