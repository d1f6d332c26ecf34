import type { Metadata } from "next";
import { NewPersonaForm } from "@/components/personas/new-persona-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "New persona" };

export default async function NewPersonaPage() {
  await requirePageRole(PERMISSIONS["personas:edit"]);
  return (
    <>
      <PageHeader
        title="New persona"
        description={
          "Give them a name; then write the story, bind it to real customers and state what you " + "assume about them."
        }
      />
      <NewPersonaForm />
    </>
  );
}
