import { Bell, Globe, Mail, MessageCircle, MessageSquare, Smartphone } from "lucide-react";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles";

export const CHANNEL_ICONS: Record<Channel, typeof Mail> = {
  email: Mail,
  push: Smartphone,
  web_push: Globe,
  sms: MessageSquare,
  in_app: Bell,
  messenger: MessageCircle,
};

/** Preferred channels in the persona's order, each an icon with its name for screen readers and on hover. */
export function ChannelIcons({ channels }: { channels: readonly Channel[] }) {
  if (channels.length === 0) return <span className="text-xs text-muted-foreground">no preferred channel</span>;
  return (
    <ul className="flex items-center gap-1.5" aria-label="Preferred channels, in order">
      {channels.map((channel) => {
        const Icon = CHANNEL_ICONS[channel];
        return (
          <li key={channel} title={CHANNEL_INFO[channel].label} className="text-muted-foreground">
            <Icon className="size-4" aria-hidden />
            <span className="sr-only">{CHANNEL_INFO[channel].label}</span>
          </li>
        );
      })}
    </ul>
  );
}
