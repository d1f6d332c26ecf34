"use client";

import { Plus, Trash2 } from "lucide-react";
import { FieldError } from "@/components/form-messages";
import type { FieldErrors } from "@/components/use-autosave";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Topic } from "@/lib/delivery";

type Props = { topics: Topic[]; errors: FieldErrors; onChange: (topics: Topic[]) => void };

// A key people never see, derived from the label until the admin edits it.
const keyOf = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);

/** Topics the preference page offers (besides channels); a campaign names the one it belongs to. */
export function PolicyTopicsEditor({ topics, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<Topic>) => onChange(topics.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <div className="space-y-3">
      {topics.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No topics yet: people can only turn whole channels off. Add topics such as “Weekly deals” or “Product news” so
          they can keep some messages and drop others.
        </p>
      ) : null}
      <ul className="space-y-3">
        {topics.map((topic, i) => (
          <li key={i} className="flex flex-wrap items-start gap-2">
            <div className="w-64">
              <Input
                aria-label={`Topic ${i + 1}: label`}
                placeholder="Weekly deals"
                aria-invalid={!!errors[`topics.${i}.label`]}
                value={topic.label}
                onChange={(e) =>
                  set(
                    i,
                    topic.key === keyOf(topic.label)
                      ? { label: e.target.value, key: keyOf(e.target.value) }
                      : { label: e.target.value },
                  )
                }
              />
              <FieldError message={errors[`topics.${i}.label`]} />
            </div>
            <div className="w-56">
              <Input
                aria-label={`Topic ${i + 1}: key`}
                placeholder="weekly-deals"
                className="font-mono"
                aria-invalid={!!errors[`topics.${i}.key`]}
                value={topic.key}
                onChange={(e) => set(i, { key: e.target.value })}
              />
              <FieldError message={errors[`topics.${i}.key`]} />
            </div>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove topic ${i + 1}`}
              onClick={() => onChange(topics.filter((_, j) => j !== i))}
            >
              <Trash2 />
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...topics, { key: "", label: "" }])}>
        <Plus /> Add topic
      </Button>
    </div>
  );
}
