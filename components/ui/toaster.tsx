"use client";

import { Toast, ToastClose, ToastDescription, ToastProvider, ToastTitle, ToastViewport } from "./toast";
import { dismissToast, useToasts } from "./use-toast";

/** Renders raised toasts; Radix announces each to screen readers. Mounted once in the root providers. */
export function Toaster() {
  const toasts = useToasts();
  return (
    <ToastProvider duration={5000}>
      {toasts.map((item) => (
        <Toast key={item.id} variant={item.variant} onOpenChange={(open) => !open && dismissToast(item.id)}>
          <div className="grid gap-1">
            <ToastTitle>{item.title}</ToastTitle>
            {item.description && <ToastDescription>{item.description}</ToastDescription>}
          </div>
          <ToastClose />
        </Toast>
      ))}
      <ToastViewport />
    </ToastProvider>
  );
}
