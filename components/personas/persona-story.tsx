import { Quote } from "lucide-react";
import type { PersonaFields } from "@/lib/personas";
import { CHANNEL_INFO } from "@/lib/profiles";
import { CHANNEL_ICONS } from "./channel-icons";
import { PRIORITY_LABELS, TONE_LABELS } from "./persona-labels";

const LISTS = [
  ["goals", "Goals"],
  ["painPoints", "Pain points"],
  ["motivations", "Motivations"],
  ["objections", "Objections"],
  ["jobsToBeDone", "Jobs to be done"],
] as const;

/** The story side of the persona page: what the product manager wrote, read-only. */
export function PersonaStory({ story }: { story: PersonaFields }) {
  const empty = !story.narrative && LISTS.every(([key]) => story[key].length === 0);
  return (
    <div className="grid gap-5 text-sm">
      {story.narrative ? (
        <p className="leading-relaxed whitespace-pre-line">{story.narrative}</p>
      ) : (
        empty && <p className="text-muted-foreground">The story is not written yet.</p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {LISTS.filter(([key]) => story[key].length > 0).map(([key, label]) => (
          <section key={key} aria-label={label}>
            <h3 className="mb-1 font-medium">{label}</h3>
            <ul className="list-disc space-y-0.5 pl-5 text-muted-foreground">
              {story[key].map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-label="Priorities">
          <h3 className="mb-1 font-medium">Cares about, most first</h3>
          {story.priorities.length === 0 ? (
            <p className="text-muted-foreground">Not ranked yet.</p>
          ) : (
            <ol className="list-decimal space-y-0.5 pl-5 text-muted-foreground">
              {story.priorities.map((p) => (
                <li key={p}>{PRIORITY_LABELS[p]}</li>
              ))}
            </ol>
          )}
        </section>
        <section aria-label="Preferred channels">
          <h3 className="mb-1 font-medium">Preferred channels</h3>
          {story.channels.length === 0 ? (
            <p className="text-muted-foreground">None chosen yet.</p>
          ) : (
            <ol className="space-y-1 text-muted-foreground">
              {story.channels.map((c, i) => {
                const Icon = CHANNEL_ICONS[c];
                return (
                  <li key={c} className="flex items-center gap-2">
                    <span className="w-4 tabular-nums">{i + 1}.</span>
                    <Icon className="size-4" aria-hidden />
                    {CHANNEL_INFO[c].label}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>
      {(story.tone.voice || story.tone.example) && (
        <section aria-label="Tone of voice">
          <h3 className="mb-1 font-medium">Tone of voice{story.tone.voice && `: ${TONE_LABELS[story.tone.voice]}`}</h3>
          {story.tone.example && (
            <blockquote className="flex gap-2 rounded-md border-l-4 bg-muted/50 px-3 py-2 italic">
              <Quote className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              {story.tone.example}
            </blockquote>
          )}
        </section>
      )}
    </div>
  );
}
