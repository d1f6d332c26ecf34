"use client";

import { useSyncExternalStore } from "react";

export type ToastVariant = "default" | "destructive" | "success";
export type ToastItem = { id: number; title: string; description?: string; variant: ToastVariant };
export type ToastOptions = { title: string; description?: string; variant?: ToastVariant };

const MAX_VISIBLE = 3;
const NO_TOASTS: ToastItem[] = [];

// A module-level store: any client component can raise a toast without a context in between.
let toasts: ToastItem[] = NO_TOASTS;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function toast({ title, description, variant = "default" }: ToastOptions) {
  const id = nextId++;
  toasts = [...toasts.slice(-(MAX_VISIBLE - 1)), { id, title, description, variant }];
  emit();
  return { id, dismiss: () => dismissToast(id) };
}

export function dismissToast(id: number) {
  toasts = toasts.filter((item) => item.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useToasts(): ToastItem[] {
  // The server snapshot is always empty: the store is per browser tab, never shared between requests.
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NO_TOASTS,
  );
}
