import type { Finding } from "@/lib/templates";
import { PreviewFindings } from "./preview-findings";

type Parsed = { ok: true; pretty: string } | { ok: false; message: string; line: number | null; column: number | null };

/** Pretty JSON, or where and why it does not parse (V8 names the character offset; lines are counted here). */
function parse(payload: string): Parsed {
  try {
    return { ok: true, pretty: JSON.stringify(JSON.parse(payload), null, 2) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (!position) return { ok: false, message, line: null, column: null };
    const before = payload.slice(0, Number(position[1])).split("\n");
    // The position is shown as line and column, so V8's own "at position N (line L column C)" goes.
    return {
      ok: false,
      message: message.replace(/\s*in JSON at position \d+.*$/, ""),
      line: before.length,
      column: before.at(-1)!.length + 1,
    };
  }
}

/** The request a webhook send makes: method, endpoint and the JSON body, or the spot where it breaks. */
export function WebhookPayload({
  url,
  payload,
  findings,
}: {
  url: string;
  payload: string;
  findings?: readonly Finding[];
}) {
  const parsed = parse(payload);
  return (
    <figure aria-label="Webhook request preview" className="w-full max-w-[560px] min-w-0">
      <div
        className={
          "overflow-hidden rounded-lg border bg-neutral-950 font-mono text-[12.5px] leading-5 " + "text-neutral-100"
        }
      >
        <div className="border-b border-neutral-800 px-3 py-2">
          <span className="font-semibold text-emerald-400">POST</span>{" "}
          <span className="break-all">{url || "(no endpoint URL)"}</span>
          <div className="text-neutral-400">Content-Type: application/json</div>
        </div>
        {parsed.ok ? (
          <pre className="overflow-x-auto p-3">{parsed.pretty}</pre>
        ) : (
          <ol className="overflow-x-auto py-3" aria-label="Payload source">
            {payload.split("\n").map((text, i) => {
              const isError = parsed.line === i + 1;
              return (
                <li key={i} className={isError ? "bg-red-950/70" : undefined}>
                  <span className="inline-block w-10 pr-2 text-right text-neutral-500 select-none">
                    {isError ? `▶ ${i + 1}` : i + 1}
                  </span>
                  <span className="whitespace-pre">{text}</span>
                  {isError && parsed.column !== null && (
                    <div className="whitespace-pre text-red-300" aria-hidden>
                      <span className="inline-block w-10" />
                      {" ".repeat(parsed.column - 1)}^
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {!parsed.ok && (
        <figcaption className="mt-2 text-sm font-medium text-destructive">
          Not valid JSON{parsed.line !== null ? ` at line ${parsed.line}, column ${parsed.column}` : ""}:{" "}
          {parsed.message}
        </figcaption>
      )}
      <PreviewFindings findings={findings} />
    </figure>
  );
}
