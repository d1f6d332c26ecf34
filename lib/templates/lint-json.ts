import type { Finding } from "./finding";

/**
 * The source's JSON with Liquid stood in for: an output inside a string becomes text, one
 * outside a string a number, and tags vanish. Good enough to catch a missing comma or brace
 * before a sample exists; a payload whose shape depends on `{% if %}` needs the sample to tell.
 */
function jsonShape(source: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const two = source.slice(i, i + 2);
    if (two === "{{" || two === "{%") {
      const end = source.indexOf(two === "{{" ? "}}" : "%}", i + 2);
      if (end === -1) return source;
      if (two === "{{") out += inString ? "x" : "0";
      i = end + 1;
      continue;
    }
    const char = source[i]!;
    if (inString && char === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '"') inString = !inString;
    out += char;
  }
  return out;
}

/** An error when the text is not JSON (a rendered sample as it is, a source with placeholders). */
export function lintJson(text: string, field: string, label: string, basis: "source" | "sample"): Finding[] {
  const candidate = basis === "sample" ? text : jsonShape(text);
  try {
    JSON.parse(candidate);
    return [];
  } catch (error) {
    // Liquid does not escape for JSON: `{{ x | json }}`, outside quotes, prints a quoted, escaped value.
    const hint =
      basis === "sample"
        ? " once rendered for the sample (print text values with | json, without quotes around them)"
        : "";
    return [
      {
        severity: "error",
        code: "json.invalid",
        field,
        basis,
        message: `${label} is not valid JSON${hint}: ${(error as Error).message}`,
      },
    ];
  }
}
