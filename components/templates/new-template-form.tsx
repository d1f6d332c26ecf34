"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  CHANNEL_SPECS,
  TEMPLATE_CHANNELS,
  channelShape,
  newTemplateSchema,
  type NewTemplateInput,
  type TemplateChannel,
} from "@/lib/templates";
import { TemplateChannelIcon } from "./template-channel-icon";

/** Name and channel; the server fills in starter content for the channel and the editor opens on it. */
export function NewTemplateForm() {
  const router = useRouter();
  const form = useForm<NewTemplateInput, unknown, NewTemplateInput>({
    resolver: zodResolver(newTemplateSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    // No channel chosen yet ("" is none of them): the schema says "Pick a channel." if it is sent like that.
    defaultValues: { name: "", channel: "" as TemplateChannel },
  });
  const create = useMutation({
    mutationFn: (values: NewTemplateInput) =>
      apiFetch<{ template: { id: string } }>("/api/templates", { method: "POST", body: values }),
    onSuccess: ({ template }) => router.push(`/templates/${template.id}`),
    // The server's verdict on a field shows at the field; anything else above the button.
    onError: (error) => {
      if (error instanceof ApiError && (error.field === "name" || error.field === "channel"))
        form.setError(error.field, { message: error.message });
    },
  });
  const formError =
    create.error && !(create.error instanceof ApiError && ["name", "channel"].includes(create.error.field ?? ""))
      ? create.error.message
      : undefined;
  const chosen = form.watch("channel");
  return (
    <Card className="max-w-3xl">
      <CardContent className="pt-6">
        <Form {...form}>
          <form className="grid gap-6" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="max-w-md">
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input placeholder="Back in stock" autoFocus {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="channel"
              render={({ field }) => (
                <FormItem className="gap-2">
                  <FormControl>
                    <fieldset onBlur={field.onBlur}>
                      <legend className="mb-2 text-sm font-medium">Channel</legend>
                      <FormDescription className="mb-3 text-sm">
                        A template is written for one channel; it cannot change later.
                      </FormDescription>
                      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                        {TEMPLATE_CHANNELS.map((c, i) => (
                          <label
                            key={c}
                            className={cn(
                              "flex cursor-pointer flex-col gap-1 rounded-lg border p-3 transition-colors " +
                                "hover:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                              chosen === c && "border-primary bg-primary/5 ring-1 ring-primary",
                            )}
                          >
                            <span className="flex items-center justify-between gap-2 font-medium">
                              <TemplateChannelIcon channel={c} showLabel />
                              <input
                                // The first choice is where a "Pick a channel." takes the focus.
                                ref={i === 0 ? field.ref : undefined}
                                type="radio"
                                name={field.name}
                                value={c}
                                checked={field.value === c}
                                onChange={() => field.onChange(c)}
                                className="size-4 accent-primary"
                              />
                            </span>
                            <span className="text-xs text-muted-foreground">{channelShape(CHANNEL_SPECS[c])}</span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormAlert message={formError} />
            <Button type="submit" className="w-fit" disabled={create.isPending}>
              {create.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Create and open the editor
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
