"use client";

import { useSyncExternalStore } from "react";

export type ToastVariant = "default" | "destructive" | "success";
export type ToastItem = { id: number; title: string; description?: string; variant: ToastVariant };

// A module-level store: any client component can raise a toast without a context in between.
let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function toast({ title, description, variant = "default" }: { title: string; description?: string; variant?: ToastVariant }) {
  toasts = [...toasts.slice(-2), { id: nextId++, title, description, variant }];
  emit();
}

export function dismissToast(id: number) {
  toasts = toasts.filter((item) => item.id !== id);
  emit();
}

export function useToasts(): ToastItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
    () => toasts,
  );
}
