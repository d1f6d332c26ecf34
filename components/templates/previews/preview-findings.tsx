import type { Finding } from "@/lib/templates";
import { FindingItem } from "../finding-item";

/** The findings that concern a preview, listed under it. */
export function PreviewFindings({ findings }: { findings: readonly Finding[] | undefined }) {
  if (!findings?.length) return null;
  return (
    <ul className="mt-3 space-y-1" aria-label="Findings for this preview">
      {findings.map((f, i) => (
        <FindingItem key={`${f.code}-${f.field}-${i}`} finding={f} />
      ))}
    </ul>
  );
}
