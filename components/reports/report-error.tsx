import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

export function ReportError({ error }: { error: unknown }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>This report could not be loaded</AlertTitle>
      <AlertDescription>{error instanceof Error ? error.message : "Try again in a moment."}</AlertDescription>
    </Alert>
  );
}
