import { cn } from "@/components/ui/cn";

// Colour pairs that keep initials readable in both themes; picked by name so a persona keeps its colour.
const PALETTE = [
  "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100",
  "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  "bg-teal-100 text-teal-900 dark:bg-teal-900 dark:text-teal-100",
];

/**
 * The first letters of the first and last words ("Deal-hunting Dani" → "DD"); a qualifier in brackets ("(UX)") is not
 * part of the name.
 */
export function initialsOf(name: string): string {
  const bare = name.replace(/[([{][^)\]}]*[)\]}]/g, " ");
  const words = (bare.trim() ? bare : name)
    .split(/[\s\-–—→]+/)
    .map((w) => [...w].filter((ch) => /\p{L}|\p{N}/u.test(ch)).join(""))
    .filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]!, words.at(-1)!].map((w) => [...w][0]) : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toUpperCase();
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}

const SIZES = { sm: "size-8 text-xs", md: "size-12 text-base", lg: "size-20 text-2xl" } as const;

/** The uploaded image, or generated initials on a colour derived from the name. */
export function PersonaAvatar({
  personaId,
  name,
  hasImage,
  size = "md",
  version,
}: {
  personaId: string;
  name: string;
  hasImage: boolean;
  size?: keyof typeof SIZES;
  version?: string;
}) {
  const box = cn(
    "inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold",
    SIZES[size],
  );
  if (hasImage) {
    // A plain img: the avatar is private to the workspace, nothing for next/image to optimise.
    return (
      <img
        src={`/api/personas/${personaId}/avatar${version ? `?v=${encodeURIComponent(version)}` : ""}`}
        alt={`${name}'s avatar`}
        className={cn(box, "object-cover")}
      />
    );
  }
  return (
    <span role="img" aria-label={`${name}'s avatar`} className={cn(box, PALETTE[hash(name) % PALETTE.length])}>
      {initialsOf(name)}
    </span>
  );
}
