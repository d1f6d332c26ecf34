import type { SegmentGroup, SegmentNode } from "./schema";

export type PathIssue = { path: readonly PropertyKey[]; message: string };

/**
 * Attaches validation problems to the node they are about: an issue at
 * root.children.2.comparison.value belongs to the third child of the root. Server errors name
 * their field as "definition.root.…", which reads the same once the prefix is dropped.
 */
export function issuesByNode(root: SegmentGroup, issues: PathIssue[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path[0] === "definition" ? issue.path.slice(1) : issue.path;
    if (path[0] !== "root") continue;
    let node: SegmentNode = root;
    let i = 1;
    while (
      node.kind === "group" &&
      path[i] === "children" &&
      typeof path[i + 1] === "number" &&
      node.children[path[i + 1] as number]
    ) {
      node = node.children[path[i + 1] as number]!;
      i += 2;
    }
    found.set(node.id, [...(found.get(node.id) ?? []), issue.message]);
  }
  return found;
}

export const fieldToPath = (field: string): PropertyKey[] =>
  field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
