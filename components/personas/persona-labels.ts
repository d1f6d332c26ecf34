import type { Priority, Tone, ValidationMethod } from "@/lib/personas";

export const PRIORITY_LABELS: Record<Priority, string> = {
  price: "Price",
  quality: "Quality",
  sustainability: "Sustainability",
  convenience: "Convenience",
};
export const TONE_LABELS: Record<Tone, string> = {
  friendly: "Friendly",
  expert: "Expert",
  playful: "Playful",
  formal: "Formal",
  empathetic: "Empathetic",
  bold: "Bold",
};
export const METHOD_LABELS: Record<ValidationMethod, string> = {
  survey: "Survey",
  interviews: "Interviews",
  analytics: "Analytics",
  usability_test: "Usability test",
};
