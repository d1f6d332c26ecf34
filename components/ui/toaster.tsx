"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { Toast, ToastClose, ToastDescription, ToastProvider, ToastTitle, ToastViewport } from "./toast";
import { dismissToast, useToasts } from "./use-toast";

const icons = { default: null, success: CircleCheck, destructive: CircleAlert } as const;

/**
 * Renders raised toasts bottom-right; Radix announces each one and F8 moves focus to them. Mount once, in the root
 * providers.
 */
export function Toaster() {
  const toasts = useToasts();
  return (
    <ToastProvider duration={5000}>
      {toasts.map((item) => {
        const Icon = icons[item.variant];
        return (
          <Toast
            key={item.id}
            variant={item.variant}
            // Errors usually need reading twice, so they stay longer.
            duration={item.variant === "destructive" ? 8000 : undefined}
            onOpenChange={(open) => !open && dismissToast(item.id)}
          >
            {Icon && <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />}
            <div className="grid gap-1">
              <ToastTitle>{item.title}</ToastTitle>
              {item.description && <ToastDescription>{item.description}</ToastDescription>}
            </div>
            <ToastClose />
          </Toast>
        );
      })}
      <ToastViewport />
    </ToastProvider>
  );
}
