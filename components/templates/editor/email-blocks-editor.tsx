"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, Code2, GripVertical, LayoutList, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { blocksToMjml, UNSUBSCRIBE_HREF } from "@/lib/templates";
import type { EmailBlock, EmailBody } from "@/lib/templates";
import { TextField } from "./text-field";

type BlockType = EmailBlock["type"];

const NAMES: Record<BlockType, string> = {
  heading: "Heading",
  text: "Text",
  image: "Image",
  button: "Button",
  divider: "Divider",
  footer: "Footer",
};

// What a new block starts as: empty where the sender must write, the footer with its link text.
const NEW_BLOCK: Record<BlockType, () => EmailBlock> = {
  heading: () => ({ type: "heading", text: "" }),
  text: () => ({ type: "text", text: "" }),
  image: () => ({ type: "image", src: "", alt: "" }),
  button: () => ({ type: "button", label: "", href: "" }),
  divider: () => ({ type: "divider" }),
  footer: () => ({ type: "footer", text: "", unsubscribeLabel: "Unsubscribe" }),
};

/**
 * The e-mail body: blocks added from a toolbar, reordered by drag or with Move up/down, removed;
 * or MJML written by hand. Switching to MJML starts from the blocks' MJML; going back restores
 * the blocks as they were (MJML cannot be turned back into blocks).
 */
export function EmailBlocksEditor({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: EmailBody;
  onChange: (value: EmailBody) => void;
}) {
  const blocks = value.format === "blocks" ? value.blocks : [];
  // Sortable needs stable ids; stored blocks have none, so the editor numbers them. useId keeps
  // them equal on server and client.
  const base = useId();
  const counter = useRef(0);
  const newId = () => `${base}block-${++counter.current}`;
  const [ids, setIds] = useState(() => blocks.map((_, i) => `${base}block-initial-${i}`));
  const [keptBlocks, setKeptBlocks] = useState<EmailBlock[] | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The content was replaced from outside (another locale, a reset): new ids for the new list.
  if (ids.length !== blocks.length) setIds(blocks.map(newId));
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const setBlocks = (next: EmailBlock[], nextIds: string[]) => {
    setIds(nextIds);
    onChange({ format: "blocks", blocks: next });
  };
  const move = (from: number, to: number) => {
    setBlocks(arrayMove(blocks, from, to), arrayMove(ids, from, to));
    setAnnouncement(`${NAMES[blocks[from]!.type]} block moved to position ${to + 1} of ${blocks.length}.`);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const nameOf = (id: string | number) => {
    const block = blocks[ids.indexOf(String(id))];
    return block ? `${NAMES[block.type]} block` : "Block";
  };

  if (value.format === "mjml") {
    return (
      <div className="space-y-2">
        <TextField
          id={`${idPrefix}-mjml`}
          label="MJML"
          variant="code"
          value={value.mjml}
          onChange={(mjml) => onChange({ format: "mjml", mjml })}
        />
        {keptBlocks && (
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => onChange({ format: "blocks", blocks: keptBlocks })}
          >
            <LayoutList /> Back to blocks (drops the MJML edits)
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Add a block">
        {(Object.keys(NAMES) as BlockType[]).map((type) => (
          <Button
            key={type}
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              // Content goes above a closing footer: the footer (with the unsubscribe link) stays last.
              const at = type !== "footer" && blocks.at(-1)?.type === "footer" ? blocks.length - 1 : blocks.length;
              setBlocks(blocks.toSpliced(at, 0, NEW_BLOCK[type]()), ids.toSpliced(at, 0, newId()));
              setAnnouncement(`${NAMES[type]} block added at position ${at + 1}.`);
            }}
          >
            Add {NAMES[type].toLowerCase()}
          </Button>
        ))}
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="ml-auto"
          onClick={() => {
            setKeptBlocks(blocks);
            onChange({ format: "mjml", mjml: blocksToMjml(blocks) });
          }}
        >
          <Code2 /> Switch to MJML
        </Button>
      </div>
      {blocks.length === 0 && (
        <p className="rounded-md border border-dashed p-4 text-center text-sm text-muted-foreground">
          No blocks yet: add a heading, text or button above.
        </p>
      )}
      <DndContext
        id={`${base}dnd`}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
            onDragOver: ({ active, over }) =>
              over ? `${nameOf(active.id)} is over position ${ids.indexOf(String(over.id)) + 1}.` : undefined,
            onDragEnd: ({ active, over }) =>
              over
                ? `${nameOf(active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1}.`
                : `${nameOf(active.id)} dropped.`,
            onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2">
            {blocks.map((block, index) => (
              <SortableBlock
                key={ids[index]}
                id={ids[index]!}
                idPrefix={`${idPrefix}-${ids[index]}`}
                block={block}
                position={index + 1}
                count={blocks.length}
                onChange={(next) =>
                  setBlocks(
                    blocks.map((b, i) => (i === index ? next : b)),
                    ids,
                  )
                }
                onMove={(delta) => move(index, index + delta)}
                onRemove={() => {
                  setBlocks(
                    blocks.filter((_, i) => i !== index),
                    ids.filter((_, i) => i !== index),
                  );
                  setAnnouncement(`${NAMES[block.type]} block removed.`);
                }}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function SortableBlock({
  id,
  idPrefix,
  block,
  position,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  id: string;
  idPrefix: string;
  block: EmailBlock;
  position: number;
  count: number;
  onChange: (block: EmailBlock) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const name = NAMES[block.type];
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? "relative z-10 rounded-md border bg-card p-3 shadow-lg" : "rounded-md border bg-card p-3"}
    >
      {/* The group is inside the item: a role on the <li> itself would leave the list without items. */}
      <div role="group" aria-label={`Block ${position}: ${name}`}>
        <div className="mb-2 flex items-center gap-1">
          <button
            ref={setActivatorNodeRef}
            type="button"
            className={
              "cursor-grab rounded p-1 text-muted-foreground hover:bg-accent focus-visible:ring-2 " +
              "focus-visible:ring-ring focus-visible:outline-hidden"
            }
            aria-label={`Drag ${name} block`}
            {...attributes}
            {...listeners}
          >
            <GripVertical className="size-4" aria-hidden />
          </button>
          <span className="text-sm font-medium">{name}</span>
          <span className="text-xs text-muted-foreground">
            {position} of {count}
          </span>
          <span className="ml-auto flex gap-1">
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={`Move ${name} block up`}
              disabled={position === 1}
              onClick={() => onMove(-1)}
            >
              <ArrowUp />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={`Move ${name} block down`}
              disabled={position === count}
              onClick={() => onMove(1)}
            >
              <ArrowDown />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-8"
              aria-label={`Remove ${name} block`}
              onClick={onRemove}
            >
              <Trash2 />
            </Button>
          </span>
        </div>
        <BlockFields idPrefix={idPrefix} block={block} onChange={onChange} />
      </div>
    </li>
  );
}

function BlockFields({
  idPrefix,
  block,
  onChange,
}: {
  idPrefix: string;
  block: EmailBlock;
  onChange: (block: EmailBlock) => void;
}) {
  switch (block.type) {
    case "heading":
      return (
        <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
          <TextField
            id={`${idPrefix}-text`}
            label="Heading text"
            value={block.text}
            onChange={(text) => onChange({ ...block, text })}
          />
          <div className="space-y-1.5">
            <Label htmlFor={`${idPrefix}-level`}>Size</Label>
            <NativeSelect
              id={`${idPrefix}-level`}
              value={String(block.level ?? 1)}
              onChange={(e) => onChange({ ...block, level: e.target.value === "2" ? 2 : 1 })}
            >
              <option value="1">Large</option>
              <option value="2">Medium</option>
            </NativeSelect>
          </div>
        </div>
      );
    case "text":
      return (
        <TextField
          id={`${idPrefix}-text`}
          label="Paragraph"
          variant="multiline"
          value={block.text}
          onChange={(text) => onChange({ ...block, text })}
        />
      );
    case "image":
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            id={`${idPrefix}-src`}
            label="Image URL"
            variant="url"
            value={block.src}
            onChange={(src) => onChange({ ...block, src })}
          />
          <TextField
            id={`${idPrefix}-alt`}
            label="Alt text"
            value={block.alt}
            onChange={(alt) => onChange({ ...block, alt })}
          />
          <TextField
            id={`${idPrefix}-href`}
            label="Image link (optional)"
            variant="url"
            value={block.href ?? ""}
            onChange={(href) => onChange({ ...block, href: href || undefined })}
          />
        </div>
      );
    case "button":
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id={`${idPrefix}-label`}
            label="Button text"
            value={block.label}
            onChange={(label) => onChange({ ...block, label })}
          />
          <TextField
            id={`${idPrefix}-href`}
            label="Button URL"
            variant="url"
            value={block.href}
            onChange={(href) => onChange({ ...block, href })}
          />
        </div>
      );
    case "divider":
      return <p className="text-xs text-muted-foreground">A thin horizontal line between sections.</p>;
    case "footer":
      return (
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <TextField
            id={`${idPrefix}-text`}
            label="Footer text"
            variant="multiline"
            value={block.text}
            onChange={(text) => onChange({ ...block, text })}
          />
          <TextField
            id={`${idPrefix}-unsubscribe`}
            label="Unsubscribe link text"
            value={block.unsubscribeLabel}
            onChange={(unsubscribeLabel) => onChange({ ...block, unsubscribeLabel })}
            description={
              <p className="text-xs text-muted-foreground">
                Links to each recipient&apos;s own {UNSUBSCRIBE_HREF} page.
              </p>
            }
          />
        </div>
      );
  }
}
