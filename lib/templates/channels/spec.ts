/** Where a message is seen; visible-length limits differ per surface. */
export type Surface = "ios" | "android" | "chrome_macos" | "chrome_windows" | "modal" | "banner" | "card";

export const SURFACE_LABELS: Record<Surface, string> = {
  ios: "iOS",
  android: "Android",
  chrome_macos: "Chrome on macOS",
  chrome_windows: "Chrome on Windows",
  modal: "the modal",
  banner: "the banner",
  card: "the card",
};

export type FieldKind = "text" | "textarea" | "url" | "json" | "mjml" | "choice" | "list" | "email_body";

/**
 * One editable field of a channel's content. The UI draws the form from it, the schema takes
 * labels from it and the linter checks the limits. Lengths are in characters (Unicode code
 * points) unless a field says bytes.
 */
export type FieldSpec = {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Whether Liquid is rendered in this field. */
  readonly liquid: boolean;
  /** Past this the platform refuses or cuts the message: an error. */
  readonly maxLength?: number;
  readonly maxBytes?: number;
  /** Past this the message still goes out but reads worse: a warning. */
  readonly recommendedLength?: number;
  /** What a surface shows before it cuts the text with an ellipsis: a warning with the cut-off. */
  readonly visible?: Partial<Record<Surface, number>>;
  readonly maxItems?: number;
  readonly options?: readonly string[];
  readonly items?: readonly FieldSpec[];
};

export type ChannelSpec = {
  readonly channel: string;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
};

/** The field names of a channel spec, as a type. */
export type FieldName<S extends ChannelSpec> = S["fields"][number]["name"];
