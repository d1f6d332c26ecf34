"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleCheck, CircleX, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Explanation, NodeVerdict } from "@/lib/segments/server";
import { describeNode } from "@/lib/segments";
import type { SegmentDefinition, SegmentNode } from "@/lib/segments";
import { displayValue } from "@/lib/display-value";

/** What decided a node, in words: the trait's value, the event count or time, consent and address. */
function decidedBy(node: SegmentNode, verdict: NodeVerdict): string | null {
  const v = verdict.value;
  switch (node.kind) {
    case "group":
      return null;
    case "trait":
      if (v === null) return "no value";
      // A timestamp reads as its minute in UTC.
      if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v))
        return `value: ${v.slice(0, 16).replace("T", " ")} UTC`;
      return `value: ${displayValue(v)}`;
    case "event":
      if (node.measure.type === "first" || node.measure.type === "last")
        return v === null
          ? "never happened"
          : `${node.measure.type} time: ${displayValue(v).slice(0, 16).replace("T", " ")} UTC`;
      return `${Number(v ?? 0).toLocaleString("en")} time${Number(v) === 1 ? "" : "s"} in the window`;
    case "reachable": {
      const r = (v ?? {}) as { consent?: boolean | null; address?: boolean };
      return (
        `consent: ${r.consent === true ? "yes" : r.consent === false ? "opted out" : "unknown"}, ` +
        `address: ${r.address ? "yes" : "missing"}`
      );
    }
    case "membership":
    case "persona":
      return verdict.matched !== Boolean(node.not) ? "is a member" : "is not a member";
  }
}

function VerdictTree({
  node,
  explanation,
  names,
}: {
  node: SegmentNode;
  explanation: Explanation;
  names: Record<string, string>;
}) {
  const verdict = explanation.nodes[node.id] ?? { matched: false, value: null };
  const Icon = verdict.matched ? CircleCheck : CircleX;
  const detail = decidedBy(node, verdict);
  return (
    <li className="list-none">
      <div className="flex items-start gap-2 py-0.5 text-sm">
        <Icon
          className={
            verdict.matched ? "mt-0.5 size-4 shrink-0 text-success" : "mt-0.5 size-4 shrink-0 text-destructive"
          }
          aria-hidden
        />
        <span>
          <span className="sr-only">{verdict.matched ? "True: " : "False: "}</span>
          {node.kind === "group"
            ? `${node.not ? "NOT " : ""}${node.op === "and" ? "All" : "Any"} of:`
            : describeNode(node, names)}
          {detail && <span className="text-muted-foreground"> — {detail}</span>}
        </span>
      </div>
      {node.kind === "group" && (
        <ul className="ml-3 border-l pl-3">
          {node.children.map((child) => (
            <VerdictTree key={child.id} node={child} explanation={explanation} names={names} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** "Why is this person in / not in?" for a saved or edited definition. */
export function CheckProfile({
  definition,
  segmentId,
  names,
}: {
  definition: SegmentDefinition;
  segmentId?: string;
  names: Record<string, string>;
}) {
  const [query, setQuery] = useState("");
  const check = useMutation({
    mutationFn: () =>
      apiFetch<Explanation>("/api/segments/explain", {
        method: "POST",
        body: { definition, profile: query, selfId: segmentId },
      }),
  });
  const result = check.data;
  return (
    <div className="space-y-3">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) check.mutate();
        }}
      >
        <Input
          aria-label="Profile id, user id or e-mail"
          placeholder="ada@example.com or cust-000123"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit" variant="outline" disabled={!query.trim() || check.isPending}>
          <Search className="size-4" aria-hidden /> Check
        </Button>
      </form>
      <FormAlert message={check.error?.message} />
      {result && (
        <div className="space-y-2" aria-live="polite">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/profiles/${result.profile.id}`} className="font-medium text-primary hover:underline">
              {result.profile.email ?? result.profile.externalId ?? result.profile.id}
            </Link>
            <Badge variant={result.matched ? "success" : "destructive"}>
              {result.matched ? "is in this segment" : "is not in this segment"}
            </Badge>
          </p>
          <ul aria-label="Why">
            <VerdictTree node={definition.root} explanation={result} names={names} />
          </ul>
        </div>
      )}
    </div>
  );
}
