"use client";

import { Copy } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/use-toast";

/** A secret Tailor shows exactly once (one-time passwords, API keys, invitation links), with a copy button. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  async function copy() {
    await navigator.clipboard?.writeText(value);
    toast({ title: `${label} copied`, variant: "success" });
  }
  return (
    <>
      <Alert variant="warning">
        <AlertTitle>Shown once</AlertTitle>
        <AlertDescription>Tailor stores only a hash: copy it now, it cannot be shown again.</AlertDescription>
      </Alert>
      <div className="flex items-center gap-2">
        <Input
          readOnly
          value={value}
          aria-label={label}
          className="font-mono"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="outline" size="icon" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
          <Copy className="size-4" aria-hidden />
        </Button>
      </div>
    </>
  );
}
