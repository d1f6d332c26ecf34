import { Bell, Globe, Mail, MessageCircle, MessageSquare, Smartphone, Webhook, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";

// The persona channel icons (components/personas/channel-icons.tsx) plus webhook, which has no profile address.
const ICONS: Record<TemplateChannel, LucideIcon> = {
  email: Mail,
  push: Smartphone,
  web_push: Globe,
  sms: MessageSquare,
  in_app: Bell,
  messenger: MessageCircle,
  webhook: Webhook,
};

/** A template channel's icon with its name: visible beside it, or for screen readers and on hover only. */
export function TemplateChannelIcon({
  channel,
  showLabel = false,
  className,
}: {
  channel: TemplateChannel;
  showLabel?: boolean;
  className?: string;
}) {
  const Icon = ICONS[channel];
  const label = CHANNEL_SPECS[channel].label;
  return (
    <span className={cn("inline-flex items-center gap-1.5", className)} title={showLabel ? undefined : label}>
      <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      <span className={showLabel ? undefined : "sr-only"}>{label}</span>
    </span>
  );
}
