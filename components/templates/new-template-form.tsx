"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS, type TemplateChannel, channelShape } from "@/lib/templates";
import { TemplateChannelIcon } from "./template-channel-icon";

/** Name and channel; the server fills in starter content for the channel and the editor opens on it. */
export function NewTemplateForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [channel, setChannel] = useState<TemplateChannel | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiFetch<{ template: { id: string } }>("/api/templates", { method: "POST", body: { name, channel } }),
    onSuccess: ({ template }) => router.push(`/templates/${template.id}`),
  });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field === field ? create.error.message : undefined;
  return (
    <Card className="max-w-3xl">
      <CardContent className="pt-6">
        <form className="grid gap-6" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
          <div className="grid max-w-md gap-1.5">
            <Label htmlFor="new-template-name">Name</Label>
            <Input
              id="new-template-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Back in stock"
              aria-invalid={Boolean(fieldError("name")) || undefined}
              autoFocus
            />
            <FieldError message={fieldError("name")} />
          </div>
          <fieldset className="grid gap-2" aria-invalid={Boolean(fieldError("channel")) || undefined}>
            <legend className="mb-2 text-sm font-medium">Channel</legend>
            <p className="-mt-1 mb-1 text-sm text-muted-foreground">
              A template is written for one channel; it cannot change later.
            </p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {TEMPLATE_CHANNELS.map((c) => (
                <label
                  key={c}
                  className={cn(
                    "flex cursor-pointer flex-col gap-1 rounded-lg border p-3 transition-colors hover:bg-accent " +
                      "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    channel === c && "border-primary bg-primary/5 ring-1 ring-primary",
                  )}
                >
                  <span className="flex items-center justify-between gap-2 font-medium">
                    <TemplateChannelIcon channel={c} showLabel />
                    <input
                      type="radio"
                      name="channel"
                      value={c}
                      checked={channel === c}
                      onChange={() => setChannel(c)}
                      className="size-4 accent-primary"
                    />
                  </span>
                  <span className="text-xs text-muted-foreground">{channelShape(CHANNEL_SPECS[c])}</span>
                </label>
              ))}
            </div>
            <FieldError message={fieldError("channel")} />
          </fieldset>
          {create.error &&
            !(
              create.error instanceof ApiError &&
              (create.error.field === "name" || create.error.field === "channel")
            ) && <FormAlert message={create.error.message} />}
          <Button type="submit" className="w-fit" disabled={create.isPending || !name.trim() || !channel}>
            {create.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Create and open the editor
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
