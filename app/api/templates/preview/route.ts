import { can, PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { AppError } from "@/lib/http";
import { perUserLimit, handle, parseBody } from "@/lib/http/server";
import { previewTemplate } from "@/lib/templates/server";
import { previewTemplateSchema } from "@/lib/templates";

// Previews per user at once: the editor's latest and the one it replaces, in a couple of tabs.
const PREVIEWS_PER_USER = 4;

// Called live by the editor; writes nothing. Content typed into the request renders only for the
// roles that edit templates; readers preview what is stored (a templateId), which an editor wrote.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const input = await parseBody(request, previewTemplateSchema);
  if ((input.content !== undefined || input.triggerEvent !== undefined) && !can(actor.role, "templates:edit")) {
    throw new AppError(
      403,
      "forbidden",
      "Your role previews saved templates only: send the templateId instead of content.",
      input.content !== undefined ? "content" : "triggerEvent",
    );
  }
  const preview = await perUserLimit("previews", actor.userId, PREVIEWS_PER_USER, () =>
    previewTemplate(actor.workspaceId, input, request.signal),
  );
  return Response.json({ preview });
});
