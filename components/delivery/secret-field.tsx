"use client";

import { Check } from "lucide-react";
import { useState } from "react";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A secret the server keeps and never sends back: "Set ✓" with a Replace button when one is
 * stored, a password input otherwise. Left blank, a save keeps the stored value.
 */
export function SecretField({
  id,
  label,
  help,
  isSet,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  help?: string;
  isSet: boolean;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const [replacing, setReplacing] = useState(false);
  const editing = !isSet || replacing;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {editing ? (
        <div className="flex gap-2">
          <Input
            id={id}
            type="password"
            autoComplete="new-password"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={!!error}
            placeholder={isSet ? "Leave blank to keep the stored one" : undefined}
          />
          {isSet && (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setReplacing(false);
                onChange("");
              }}
            >
              Keep
            </Button>
          )}
        </div>
      ) : (
        <div className="flex h-9 items-center gap-3">
          <span
            id={id}
            className="inline-flex items-center gap-1 text-sm font-medium text-success"
            aria-label={`${label}: set`}
          >
            Set <Check className="size-4" aria-hidden />
          </span>
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-label={`Replace ${label.toLowerCase()}`}
            onClick={() => setReplacing(true)}
          >
            Replace
          </Button>
        </div>
      )}
      {help && <p className="text-xs text-muted-foreground">{help}</p>}
      <FieldError message={error} />
    </div>
  );
}
