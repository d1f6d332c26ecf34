"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { PersonaAvatar } from "./persona-avatar";

const SIDE = 256;

/** Scales the picked image to at most 256 px a side in the browser, so the stored avatar stays small. */
async function shrink(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The image could not be read."))), "image/png"),
  );
}

export function AvatarUpload({
  personaId,
  name,
  hasImage: initial,
  readOnly,
}: {
  personaId: string;
  name: string;
  hasImage: boolean;
  readOnly: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [hasImage, setHasImage] = useState(initial);
  const [version, setVersion] = useState(() => String(Date.now()));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const send = async (method: "PUT" | "DELETE", body?: Blob) => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/personas/${personaId}/avatar`, { method, body });
      if (!response.ok)
        throw new Error(
          ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
            "Upload failed.",
        );
      setHasImage(method === "PUT");
      setVersion(String(Date.now()));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex items-center gap-3">
      <PersonaAvatar personaId={personaId} name={name || "?"} hasImage={hasImage} size="lg" version={version} />
      {!readOnly && (
        <div className="grid gap-1">
          <input
            ref={input}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            className="sr-only"
            aria-label="Avatar image"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) await send("PUT", await shrink(file).catch(() => file));
            }}
          />
          <div className="flex gap-2">
            <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => input.current?.click()}>
              <ImageUp className="size-4" aria-hidden /> Upload image
            </Button>
            {hasImage && (
              <Button type="button" variant="ghost" size="sm" disabled={busy} onClick={() => send("DELETE")}>
                <Trash2 className="size-4" aria-hidden /> Use initials
              </Button>
            )}
          </div>
          <p className="text-xs text-muted-foreground">
            Without an image the avatar shows the persona&apos;s initials.
          </p>
          <FieldError message={error} />
        </div>
      )}
    </div>
  );
}
