"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { PersonaFields } from "@/lib/personas";
import { AvatarUpload } from "../avatar-upload";
import { Section } from "./section";

/** Who they are: avatar, name, one-line summary and narrative. */
export function StorySection({ personaId, hasAvatarImage }: { personaId: string; hasAvatarImage: boolean }) {
  const { control } = useFormContext<PersonaFields>();
  const name = useWatch({ control, name: "name" });
  return (
    <Section title="Who they are">
      <AvatarUpload personaId={personaId} name={name} hasImage={hasAvatarImage} readOnly={false} />
      <FormField
        control={control}
        name="name"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Name</FormLabel>
            <FormControl>
              <Input {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name="summary"
        render={({ field }) => (
          <FormItem>
            <FormLabel>One-line summary</FormLabel>
            <FormControl>
              <Input maxLength={200} placeholder="Chooses sustainable products and reads the label" {...field} />
            </FormControl>
            <FormDescription>{field.value.length} / 160</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name="narrative"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Narrative</FormLabel>
            <FormControl>
              <Textarea rows={5} placeholder="A day in their life, in a few sentences." {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </Section>
  );
}
