"use client";

import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { formatMoney, type WorkspaceSettings } from "@/lib/workspace";

/** The workspace's currency: what every revenue figure in reports and experiment readouts is shown in. */
export function WorkspaceSettingsForm({
  initial,
  currencies,
}: {
  initial: WorkspaceSettings;
  currencies: { code: string; label: string }[];
}) {
  const [saved, setSaved] = useState(initial);
  const [currency, setCurrency] = useState(initial.currency);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function save() {
    setError(undefined);
    setSaving(true);
    try {
      const result = await apiFetch<WorkspaceSettings>("/api/workspace", { method: "PUT", body: { currency } });
      setSaved(result);
      toast({
        title: "Settings saved",
        description: `Revenue now reads like ${formatMoney(1234.5, result.currency)}.`,
        variant: "success",
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message.replace(/^[^:]+: /, "") : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>Currency</CardTitle>
          <CardDescription>
            The currency your events&apos; revenue is in. Reports and experiment readouts show every amount in it;
            Tailor does not convert between currencies.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="grid max-w-sm gap-1.5">
            <Label htmlFor="workspace-currency">Currency</Label>
            <NativeSelect
              id="workspace-currency"
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby="workspace-currency-example"
            >
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
            <p id="workspace-currency-example" className="text-xs text-muted-foreground">
              Revenue will read like {formatMoney(1234.5, currency)}.
            </p>
            <FieldError message={error} />
          </div>
          <Button type="submit" disabled={saving || currency === saved.currency}>
            {saving ? "Saving…" : "Save settings"}
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}
