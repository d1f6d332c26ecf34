// `npm run -s stats < request.json`: the experiment readout (lib/experiments/stats) for one request,
// printed as JSON. Invalid input exits 2 naming the field, so scripts can tell it from a crash (1).
import { text } from "node:stream/consumers";
import { analyze } from "@/lib/experiments/stats/analyze";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";

const INVALID_INPUT = 2;

let body: unknown;
try {
  body = JSON.parse(await text(process.stdin));
} catch (error) {
  console.error(`request: not valid JSON (${(error as Error).message})`);
  process.exit(INVALID_INPUT);
}

const parsed = statsRequestSchema.safeParse(body);
if (!parsed.success) {
  console.error(
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("\n"),
  );
  process.exit(INVALID_INPUT);
}
console.log(JSON.stringify(analyze(parsed.data), null, 2));
