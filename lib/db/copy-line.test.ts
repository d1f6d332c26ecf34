import { describe, expect, it } from "vitest";
import { copyLine } from "./copy-line";

describe("COPY text lines", () => {
  it("separate values by tabs and end with a newline", () => {
    expect(copyLine(["a", 1, "b"])).toBe("a\t1\tb\n");
  });

  it("write null as \\N, distinct from the string", () => {
    expect(copyLine([null, "\\N"])).toBe("\\N\t\\\\N\n");
  });

  it("escape backslashes, tabs, newlines and carriage returns", () => {
    expect(copyLine(['{"q":"a\\tb"}', "x\ty\nz\r"])).toBe('{"q":"a\\\\tb"}\tx\\ty\\nz\\r\n');
  });
});
