"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNELS, CHANNEL_INFO } from "@/lib/profiles";
import {
  FIELD_LABELS,
  defaultComparison,
  dayEndIso,
  dayStartIso,
  todayUtc,
  PROFILE_FIELDS,
  TRAIT_PREFIX,
  type EventCondition,
  type EventMeasure,
  type EventWindow,
  type MembershipCondition,
  type PersonaCondition,
  type ReachableCondition,
  type TraitCondition,
  type ValueType,
} from "@/lib/segments";
import { useBuilder } from "./builder-context";
import { Combobox } from "./combobox";
import { ComparisonEditor } from "./comparison-editor";
import { PropertyFilters, VALUE_TYPES, asValueType } from "./property-filters";
import { useEventNames, usePersonaOptions, useTraitCatalog } from "./use-catalog";

export function TraitEditor({ node }: { node: TraitCondition }) {
  const { dispatch, readOnly } = useBuilder();
  const catalog = useTraitCatalog();
  const custom = node.field.startsWith(TRAIT_PREFIX);
  const entry = catalog.data?.find((t) => t.key === node.field);
  const options = [
    ...Object.entries(PROFILE_FIELDS).map(([key, type]) => ({
      value: key,
      label: FIELD_LABELS[key] ?? key,
      hint: type,
    })),
    ...(catalog.data ?? []).map((t) => ({ value: t.key, hint: `${t.type} · trait` })),
  ];
  const replace = (next: TraitCondition) => dispatch({ type: "replace", id: node.id, node: next });
  const setField = (field: string) => {
    const type =
      field in PROFILE_FIELDS
        ? PROFILE_FIELDS[field as keyof typeof PROFILE_FIELDS]
        : asValueType(catalog.data?.find((t) => t.key === field)?.type ?? node.comparison.type);
    replace({ ...node, field, comparison: type === node.comparison.type ? node.comparison : defaultComparison(type) });
  };
  return (
    <>
      <Combobox
        label="Field"
        value={node.field}
        onChange={setField}
        options={options}
        placeholder="country, ltv, traits.plan…"
        disabled={readOnly}
        className="w-48"
      />
      {custom && (
        <NativeSelect
          aria-label={`Type of ${node.field}`}
          value={node.comparison.type}
          disabled={readOnly}
          onChange={(e) => replace({ ...node, comparison: defaultComparison(e.target.value as ValueType) })}
        >
          {VALUE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
      )}
      <ComparisonEditor
        subject={FIELD_LABELS[node.field] ?? node.field}
        comparison={node.comparison}
        examples={entry?.examples}
        disabled={readOnly}
        onChange={(comparison) => replace({ ...node, comparison })}
      />
    </>
  );
}

type MeasureChoice = "at_least" | "exactly" | "at_most" | "not_performed" | "first" | "last";
const MEASURES: { value: MeasureChoice; label: string }[] = [
  { value: "at_least", label: "at least" },
  { value: "exactly", label: "exactly" },
  { value: "at_most", label: "at most" },
  { value: "not_performed", label: "did not perform" },
  { value: "first", label: "first did it" },
  { value: "last", label: "last did it" },
];
const measureChoice = (m: EventMeasure): MeasureChoice => (m.type === "count" ? m.op : m.type);
function measureFrom(choice: MeasureChoice, previous: EventMeasure): EventMeasure {
  if (choice === "not_performed" || choice === "first" || choice === "last") return { type: choice };
  return { type: "count", op: choice, count: previous.type === "count" ? previous.count : 1 };
}

export function EventEditor({ node }: { node: EventCondition }) {
  const { dispatch, readOnly } = useBuilder();
  const names = useEventNames();
  const replace = (next: EventCondition) => dispatch({ type: "replace", id: node.id, node: next });
  const setWindow = (window: EventWindow) => replace({ ...node, window });
  return (
    <>
      <Combobox
        label="Event"
        value={node.event}
        onChange={(event) => replace({ ...node, event })}
        options={(names.data ?? []).map((n) => ({ value: n }))}
        placeholder="purchase"
        disabled={readOnly}
        className="w-44"
      />
      <NativeSelect
        aria-label={`How often ${node.event}`}
        value={measureChoice(node.measure)}
        disabled={readOnly}
        onChange={(e) => replace({ ...node, measure: measureFrom(e.target.value as MeasureChoice, node.measure) })}
      >
        {MEASURES.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </NativeSelect>
      {node.measure.type === "count" && (
        <>
          <Input
            className="h-8 w-20"
            type="number"
            min={0}
            aria-label={`Times ${node.event}`}
            value={String(node.measure.count)}
            disabled={readOnly}
            onChange={(e) =>
              replace({
                ...node,
                measure: {
                  ...(node.measure as Extract<EventMeasure, { type: "count" }>),
                  count: Math.max(0, Math.trunc(Number(e.target.value) || 0)),
                },
              })
            }
          />
          <span className="text-sm text-muted-foreground">times</span>
        </>
      )}
      <NativeSelect
        aria-label={`When ${node.event}`}
        value={node.window.type}
        disabled={readOnly}
        onChange={(e) => {
          const type = e.target.value as EventWindow["type"];
          setWindow(
            type === "ever"
              ? { type }
              : type === "last"
                ? { type, amount: 30, unit: "days" }
                : { type, from: dayStartIso(todayUtc()), to: dayEndIso(todayUtc()) },
          );
        }}
      >
        <option value="last">in the last</option>
        <option value="between">between</option>
        <option value="ever">ever</option>
      </NativeSelect>
      {node.window.type === "last" && (
        <>
          <Input
            className="h-8 w-20"
            type="number"
            min={1}
            aria-label={`Window length for ${node.event}`}
            value={String(node.window.amount)}
            disabled={readOnly}
            onChange={(e) =>
              setWindow({
                ...(node.window as Extract<EventWindow, { type: "last" }>),
                amount: Math.trunc(Number(e.target.value) || 0),
              })
            }
          />
          <NativeSelect
            aria-label={`Window unit for ${node.event}`}
            value={node.window.unit}
            disabled={readOnly}
            onChange={(e) =>
              setWindow({
                ...(node.window as Extract<EventWindow, { type: "last" }>),
                unit: e.target.value as "days" | "hours",
              })
            }
          >
            <option value="days">days</option>
            <option value="hours">hours</option>
          </NativeSelect>
        </>
      )}
      {node.window.type === "between" && (
        <>
          <Input
            className="h-8 w-40"
            type="date"
            aria-label={`From date for ${node.event}`}
            value={node.window.from.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) =>
              setWindow({
                ...(node.window as Extract<EventWindow, { type: "between" }>),
                from: dayStartIso(e.target.value),
              })
            }
          />
          <span className="text-sm text-muted-foreground">and</span>
          <Input
            className="h-8 w-40"
            type="date"
            aria-label={`To date for ${node.event}`}
            value={node.window.to.slice(0, 10)}
            disabled={readOnly}
            onChange={(e) =>
              setWindow({
                ...(node.window as Extract<EventWindow, { type: "between" }>),
                to: dayEndIso(e.target.value),
              })
            }
          />
        </>
      )}
      <PropertyFilters
        event={node.event}
        where={node.where}
        readOnly={readOnly}
        onChange={(where) => replace({ ...node, where })}
      />
    </>
  );
}

export function ReachableEditor({ node }: { node: ReachableCondition }) {
  const { dispatch, readOnly } = useBuilder();
  return (
    <>
      <span className="text-sm">is reachable by</span>
      <NativeSelect
        aria-label="Channel"
        value={node.channel}
        disabled={readOnly}
        onChange={(e) =>
          dispatch({
            type: "replace",
            id: node.id,
            node: { ...node, channel: e.target.value as ReachableCondition["channel"] },
          })
        }
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_INFO[c].label}
          </option>
        ))}
      </NativeSelect>
      <span className="text-xs text-muted-foreground">consented and has {CHANNEL_INFO[node.channel].addressLabel}</span>
    </>
  );
}

export function MembershipEditor({ node }: { node: MembershipCondition }) {
  const { dispatch, readOnly, segments } = useBuilder();
  return (
    <>
      <span className="text-sm">is in segment</span>
      <NativeSelect
        aria-label="Segment"
        value={node.segmentId}
        disabled={readOnly}
        onChange={(e) => dispatch({ type: "replace", id: node.id, node: { ...node, segmentId: e.target.value } })}
      >
        <option value="">Pick a segment…</option>
        {segments
          .filter((s) => !s.archived || s.id === node.segmentId)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.archived ? `${s.name} (archived)` : s.name}
            </option>
          ))}
      </NativeSelect>
    </>
  );
}

export function PersonaEditor({ node }: { node: PersonaCondition }) {
  const { dispatch, readOnly } = useBuilder();
  const personas = usePersonaOptions();
  const picked = personas.data?.find((p) => p.id === node.personaId);
  return (
    <>
      <span className="text-sm">is in persona</span>
      <NativeSelect
        aria-label="Persona"
        value={node.personaId}
        disabled={readOnly}
        onChange={(e) => dispatch({ type: "replace", id: node.id, node: { ...node, personaId: e.target.value } })}
      >
        <option value="">
          {personas.isPending
            ? "Loading personas…"
            : personas.data?.length === 0
              ? "No personas yet"
              : "Pick a persona…"}
        </option>
        {personas.data
          ?.filter((p) => !p.archived || p.id === node.personaId)
          .map((p) => (
            // A persona with no segment bound has no one in it: shown, so its absence is not a mystery, but not
            // pickable.
            <option key={p.id} value={p.id} disabled={!p.segment}>
              {p.segment ? (p.archived ? `${p.name} (archived)` : p.name) : `${p.name} (no segment bound)`}
            </option>
          ))}
      </NativeSelect>
      {picked?.segment && (
        <span className="text-xs text-muted-foreground">via its segment “{picked.segment.name}”</span>
      )}
      {personas.isError && (
        <span role="alert" className="text-xs text-destructive">
          Could not load the personas: {personas.error.message}
        </span>
      )}
    </>
  );
}
