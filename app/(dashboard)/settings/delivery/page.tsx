import { redirect } from "next/navigation";

/** Delivery settings open on the providers tab. */
export default function DeliverySettingsPage() {
  redirect("/settings/delivery/providers");
}
