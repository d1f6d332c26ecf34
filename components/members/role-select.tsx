"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth";

/** A role picker: labelled by `id` (with a <Label htmlFor>) or by `aria-label`. */
export function RoleSelect({
  value,
  onChange,
  id,
  "aria-label": ariaLabel,
  disabled,
  className,
}: {
  value: Role;
  onChange: (role: Role) => void;
  id?: string;
  "aria-label"?: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as Role)} disabled={disabled}>
      <SelectTrigger id={id} aria-label={ariaLabel} className={className}>
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
