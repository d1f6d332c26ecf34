"use client";

import type { ComponentProps } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLE_LABELS, ROLES } from "@/lib/auth";
import { type Role } from "@/lib/auth/server";

/** A role picker: labelled by `id` (with a <Label htmlFor> or a FormLabel) or by `aria-label`. */
export function RoleSelect({
  value,
  onChange,
  disabled,
  ...trigger
}: {
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
} & Pick<
  ComponentProps<typeof SelectTrigger>,
  "id" | "aria-label" | "aria-describedby" | "aria-invalid" | "className" | "onBlur"
>) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as Role)} disabled={disabled}>
      <SelectTrigger {...trigger}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ROLES.map((role) => (
          <SelectItem key={role} value={role}>
            {ROLE_LABELS[role]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
