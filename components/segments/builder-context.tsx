"use client";

import { createContext, useContext } from "react";
import type { KeyboardMove, SegmentCondition, SegmentNode } from "@/lib/segments";
import type { AudienceCounts } from "@/lib/segments/server";

export type BuilderAction =
  | { type: "replace"; id: string; node: SegmentNode }
  | { type: "add"; groupId: string; kind: SegmentCondition["kind"] | "group" }
  | { type: "remove" | "duplicate" | "negate" | "wrap"; id: string }
  | { type: "move"; id: string; move: KeyboardMove };

export type BuilderState = {
  readOnly: boolean;
  counts: AudienceCounts | null;
  pending: boolean;
  issues: Map<string, string[]>;
  // Archived ones are offered only where a condition already names them.
  segments: { id: string; name: string; archived?: boolean }[];
  // Segment and persona names by id, for the plain-language labels.
  names: Record<string, string>;
  dispatch: (action: BuilderAction) => void;
};

export const BuilderContext = createContext<BuilderState | null>(null);

export function useBuilder(): BuilderState {
  const state = useContext(BuilderContext);
  if (!state) throw new Error("useBuilder outside <SegmentBuilder>");
  return state;
}
