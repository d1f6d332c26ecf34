import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountPassword from "@/app/api/account/password/route";
import * as apiKeyById from "@/app/api/api-keys/[keyId]/route";
import * as apiKeys from "@/app/api/api-keys/route";
import * as audit from "@/app/api/audit/route";
import * as importErrors from "@/app/api/imports/[importId]/errors/route";
import * as importById from "@/app/api/imports/[importId]/route";
import * as imports from "@/app/api/imports/route";
import * as profileEvents from "@/app/api/profiles/[profileId]/events/route";
import * as profiles from "@/app/api/profiles/route";
import * as traits from "@/app/api/traits/route";
import * as memberById from "@/app/api/members/[memberId]/route";
import * as members from "@/app/api/members/route";
import * as invitationById from "@/app/api/invitations/[invitationId]/route";
import * as myWorkspaces from "@/app/api/account/workspaces/route";
import * as acceptInvitation from "@/app/api/account/invitations/[invitationId]/accept/route";
import * as eventProperties from "@/app/api/events/properties/route";
import * as events from "@/app/api/events/route";
import * as segmentArchive from "@/app/api/segments/[segmentId]/archive/route";
import * as segmentById from "@/app/api/segments/[segmentId]/route";
import * as segmentExplain from "@/app/api/segments/explain/route";
import * as segmentPreview from "@/app/api/segments/preview/route";
import * as segments from "@/app/api/segments/route";
import * as segmentSample from "@/app/api/segments/sample/route";
import * as staticSegments from "@/app/api/segments/static/route";
import * as personaArchive from "@/app/api/personas/[personaId]/archive/route";
import * as personaAvatar from "@/app/api/personas/[personaId]/avatar/route";
import * as personaInsights from "@/app/api/personas/[personaId]/insights/route";
import * as personaSize from "@/app/api/personas/[personaId]/size/route";
import * as personaById from "@/app/api/personas/[personaId]/route";
import * as subPersonas from "@/app/api/personas/[personaId]/sub-personas/route";
import * as personaValidations from "@/app/api/personas/[personaId]/validations/route";
import * as personas from "@/app/api/personas/route";
import * as traitFlags from "@/app/api/traits/flags/route";
import * as outbox from "@/app/api/outbox/route";
import * as ingestStatus from "@/app/api/ingest/status/route";
import * as ingestHealth from "@/app/api/admin/ingest-health/route";
import * as providerByChannel from "@/app/api/delivery/providers/[channel]/route";
import * as providerTest from "@/app/api/delivery/providers/[channel]/test/route";
import * as providers from "@/app/api/delivery/providers/route";
import * as templateArchive from "@/app/api/templates/[templateId]/archive/route";
import * as templateDiff from "@/app/api/templates/[templateId]/diff/route";
import * as templatePublish from "@/app/api/templates/[templateId]/publish/route";
import * as templateById from "@/app/api/templates/[templateId]/route";
import * as templateTestSend from "@/app/api/templates/[templateId]/test-send/route";
import * as templateRestore from "@/app/api/templates/[templateId]/versions/[versionId]/restore/route";
import * as templatePreview from "@/app/api/templates/preview/route";
import * as templates from "@/app/api/templates/route";
import * as templateSamples from "@/app/api/templates/sample-profiles/route";
import * as campaignAction from "@/app/api/campaigns/[campaignId]/[action]/route";
import * as campaignMessages from "@/app/api/campaigns/[campaignId]/messages/route";
import * as campaignById from "@/app/api/campaigns/[campaignId]/route";
import * as campaignSummary from "@/app/api/campaigns/[campaignId]/summary/route";
import * as campaigns from "@/app/api/campaigns/route";
import * as journeyDraft from "@/app/api/journeys/[journeyId]/draft/route";
import * as journeyPublish from "@/app/api/journeys/[journeyId]/publish/route";
import * as journeyById from "@/app/api/journeys/[journeyId]/route";
import * as journeyStats from "@/app/api/journeys/[journeyId]/stats/route";
import * as journeyStatus from "@/app/api/journeys/[journeyId]/status/route";
import * as journeyVersion from "@/app/api/journeys/[journeyId]/versions/[version]/route";
import * as journeys from "@/app/api/journeys/route";
import * as deliveryPolicy from "@/app/api/delivery/policy/route";
import * as experimentConclude from "@/app/api/experiments/[experimentId]/conclude/route";
import * as experimentEstimate from "@/app/api/experiments/[experimentId]/estimate/route";
import * as experimentExport from "@/app/api/experiments/[experimentId]/export/route";
import * as experimentLaunch from "@/app/api/experiments/[experimentId]/launch/route";
import * as experimentReadout from "@/app/api/experiments/[experimentId]/readout/route";
import * as experimentReadoutBreakdown from "@/app/api/experiments/[experimentId]/readout/breakdown/route";
import * as experimentById from "@/app/api/experiments/[experimentId]/route";
import * as experimentCalculator from "@/app/api/experiments/calculator/route";
import * as experiments from "@/app/api/experiments/route";
import * as reportCampaign from "@/app/api/reports/campaigns/[campaignId]/route";
import * as reportExperimentRetention from "@/app/api/reports/experiment-retention/route";
import * as reportFunnel from "@/app/api/reports/funnel/route";
import * as reportOptions from "@/app/api/reports/options/route";
import * as reportOverview from "@/app/api/reports/overview/route";
import * as reportRetention from "@/app/api/reports/retention/route";
import * as workspaceSettings from "@/app/api/workspace/route";
import * as inAppIdentity from "@/app/api/workspace/inapp-identity/route";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, type Role } from "@/lib/auth/roles";
import { inviteMember } from "@/lib/members/invite-member";
import { newInvitationToken } from "@/lib/members/invitation-token";
import { createWorkspace, request, uniqueEmail } from "./support/fixtures";

type Case = {
  route: string;
  method: string;
  allowed: readonly Role[];
  success: number;
  call: (actor: Actor | undefined, self: Record<Role, Actor>) => Promise<Response>;
};

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

// Every protected route handler in app/api. A new route fails the coverage test below until it is listed.
const CASES: Case[] = [
  {
    route: "/api/ingest/status",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => ingestStatus.GET(await request("/api/ingest/status", { actor })),
  },
  {
    route: "/api/admin/ingest-health",
    method: "GET",
    allowed: ["admin"],
    success: 200,
    call: async (actor) => ingestHealth.GET(await request("/api/admin/ingest-health?limit=5", { actor })),
  },
  {
    route: "/api/workspace",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => workspaceSettings.GET(await request("/api/workspace", { actor })),
  },
  {
    route: "/api/workspace",
    method: "PUT",
    allowed: ["admin"],
    success: 200,
    call: async (actor) =>
      workspaceSettings.PUT(await request("/api/workspace", { method: "PUT", actor, body: { currency: "EUR" } })),
  },
  {
    route: "/api/workspace/inapp-identity",
    method: "GET",
    allowed: ["admin"],
    success: 200,
    call: async (actor) => inAppIdentity.GET(await request("/api/workspace/inapp-identity", { actor })),
  },
  {
    route: "/api/workspace/inapp-identity",
    method: "POST",
    allowed: ["admin"],
    success: 200,
    call: async (actor) =>
      inAppIdentity.POST(await request("/api/workspace/inapp-identity", { method: "POST", actor })),
  },
  {
    route: "/api/members",
    method: "GET",
    allowed: ["admin"],
    success: 200,
    call: async (actor) => members.GET(await request("/api/members", { actor })),
  },
  {
    route: "/api/members",
    method: "POST",
    allowed: ["admin"],
    success: 201,
    call: async (actor) =>
      members.POST(
        await request("/api/members", {
          method: "POST",
          actor,
          body: { email: uniqueEmail(), name: "New Member", role: "analyst" },
        }),
      ),
  },
  {
    route: "/api/invitations/[invitationId]",
    method: "DELETE",
    allowed: ["admin"],
    success: 200,
    call: async (actor, self) => {
      const { invitation } = await inviteMember(self.admin, {
        email: uniqueEmail("revoked"),
        name: "Revoked",
        role: "analyst",
      });
      return invitationById.DELETE(
        await request(`/api/invitations/${invitation.id}`, { method: "DELETE", actor }),
        params({ invitationId: invitation.id }),
      );
    },
  },
  {
    route: "/api/account/workspaces",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => myWorkspaces.GET(await request("/api/account/workspaces", { actor })),
  },
  {
    route: "/api/account/workspaces",
    method: "POST",
    allowed: ROLES,
    success: 200,
    call: async (actor) =>
      myWorkspaces.POST(
        await request("/api/account/workspaces", {
          method: "POST",
          actor,
          body: { memberId: actor?.memberId ?? "none" },
        }),
      ),
  },
  {
    route: "/api/account/invitations/[invitationId]/accept",
    method: "POST",
    allowed: ROLES,
    success: 201,
    call: async (actor) => {
      const { db } = await import("@/lib/db/client");
      const other = await db.workspace.create({ data: { name: "Inviting workspace" } });
      const invitation = await db.invitation.create({
        data: {
          workspaceId: other.id,
          email: actor?.email ?? uniqueEmail(),
          name: "Invitee",
          role: "analyst",
          tokenHash: newInvitationToken().tokenHash,
          invitedById: "someone",
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return acceptInvitation.POST(
        await request(`/api/account/invitations/${invitation.id}/accept`, { method: "POST", actor }),
        params({ invitationId: invitation.id }),
      );
    },
  },
  {
    route: "/api/members/[memberId]",
    method: "PATCH",
    allowed: ["admin"],
    success: 200,
    // Setting the analyst's role to what it already is: allowed roles get 200 and nothing changes.
    call: async (actor, self) =>
      memberById.PATCH(
        await request(`/api/members/${self.analyst.memberId}`, { method: "PATCH", actor, body: { role: "analyst" } }),
        params({ memberId: self.analyst.memberId }),
      ),
  },
  {
    route: "/api/api-keys",
    method: "GET",
    allowed: ["admin"],
    success: 200,
    call: async (actor) => apiKeys.GET(await request("/api/api-keys", { actor })),
  },
  {
    route: "/api/api-keys",
    method: "POST",
    allowed: ["admin"],
    success: 201,
    call: async (actor) =>
      apiKeys.POST(await request("/api/api-keys", { method: "POST", actor, body: { name: "role test" } })),
  },
  {
    route: "/api/api-keys/[keyId]",
    method: "DELETE",
    allowed: ["admin"],
    success: 404, // an unknown key: past the role check, nothing revoked
    call: async (actor) =>
      apiKeyById.DELETE(await request("/api/api-keys/nope", { method: "DELETE", actor }), params({ keyId: "nope" })),
  },
  {
    route: "/api/profiles",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => profiles.GET(await request("/api/profiles?q=x", { actor })),
  },
  {
    route: "/api/profiles/[profileId]/events",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) =>
      profileEvents.GET(await request("/api/profiles/none/events", { actor }), params({ profileId: "none" })),
  },
  {
    route: "/api/traits",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => traits.GET(await request("/api/traits", { actor })),
  },
  {
    route: "/api/imports",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400, // a file with no rows: past the role check, nothing imported
    call: async (actor) =>
      imports.POST(
        await request("/api/imports", {
          method: "POST",
          actor,
          body: {
            kind: "profiles",
            fileName: "x.csv",
            csv: "user_id",
            mapping: { user_id: { target: "userId", type: "string" } },
          },
        }),
      ),
  },
  {
    route: "/api/imports/[importId]",
    method: "GET",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) => importById.GET(await request("/api/imports/none", { actor }), params({ importId: "none" })),
  },
  {
    route: "/api/imports/[importId]/errors",
    method: "GET",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      importErrors.GET(await request("/api/imports/none/errors", { actor }), params({ importId: "none" })),
  },
  {
    route: "/api/audit",
    method: "GET",
    allowed: ["admin", "analyst"],
    success: 200,
    call: async (actor) => audit.GET(await request("/api/audit", { actor })),
  },
  {
    route: "/api/account/password",
    method: "POST",
    allowed: ROLES,
    success: 400, // a wrong current password: past the role check, nothing changes
    call: async (actor) =>
      accountPassword.POST(
        await request("/api/account/password", {
          method: "POST",
          actor,
          body: { currentPassword: "wrong", newPassword: "a new password 1", confirmPassword: "a new password 1" },
        }),
      ),
  },
  {
    route: "/api/events",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => events.GET(await request("/api/events", { actor })),
  },
  {
    route: "/api/events/properties",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => eventProperties.GET(await request("/api/events/properties?name=purchase", { actor })),
  },
  {
    route: "/api/segments",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => segments.GET(await request("/api/segments", { actor })),
  },
  {
    route: "/api/segments",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400, // a definition with no root: past the role check, nothing saved
    call: async (actor) =>
      segments.POST(
        await request("/api/segments", { method: "POST", actor, body: { name: "role test", definition: {} } }),
      ),
  },
  ...(["GET", "PATCH", "DELETE"] as const).map((method): Case => ({
    route: "/api/segments/[segmentId]",
    method,
    allowed: method === "GET" ? ROLES : ["admin", "marketer"],
    success: 404, // an unknown segment: past the role check
    call: async (actor) =>
      segmentById[method](
        await request("/api/segments/none", { method, actor, body: method === "PATCH" ? { name: "x" } : undefined }),
        params({ segmentId: "none" }),
      ),
  })),
  ...(["POST", "DELETE"] as const).map((method): Case => ({
    route: "/api/segments/[segmentId]/archive",
    method,
    allowed: ["admin", "marketer"],
    success: 404, // archive / unarchive an unknown one: past the role check
    call: async (actor) =>
      segmentArchive[method](
        await request("/api/segments/none/archive", { method, actor }),
        params({ segmentId: "none" }),
      ),
  })),
  ...(
    [
      ["/api/segments/preview", segmentPreview.POST, {}],
      ["/api/segments/sample", segmentSample.POST, {}],
      ["/api/segments/explain", segmentExplain.POST, { profile: "nobody" }],
    ] as const
  ).map(([route, handler, extra]): Case => ({
    route,
    method: "POST",
    allowed: ROLES,
    success: route.endsWith("explain") ? 404 : 200,
    call: async (actor) =>
      handler(
        await request(route, {
          method: "POST",
          actor,
          body: { definition: { root: { kind: "group", id: "r", op: "and", children: [] } }, ...extra },
        }),
      ),
  })),
  {
    route: "/api/segments/static",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400, // a file naming no one: past the role check, nothing saved
    call: async (actor) =>
      staticSegments.POST(
        await request("/api/segments/static", { method: "POST", actor, body: { name: "role test", csv: "email\n" } }),
      ),
  },
  {
    route: "/api/personas",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => personas.GET(await request("/api/personas", { actor })),
  },
  {
    route: "/api/personas",
    method: "POST",
    allowed: ["admin", "pm"],
    success: 400, // no name: past the role check, nothing saved
    call: async (actor) =>
      personas.POST(await request("/api/personas", { method: "POST", actor, body: { summary: "x" } })),
  },
  ...(["GET", "PATCH", "DELETE"] as const).map((method): Case => ({
    route: "/api/personas/[personaId]",
    method,
    allowed: method === "GET" ? ROLES : ["admin", "pm"],
    success: 404, // an unknown persona: past the role check
    call: async (actor) =>
      personaById[method](
        await request("/api/personas/none", { method, actor, body: method === "PATCH" ? { name: "x" } : undefined }),
        params({ personaId: "none" }),
      ),
  })),
  ...(["POST", "DELETE"] as const).map((method): Case => ({
    route: "/api/personas/[personaId]/archive",
    method,
    allowed: ["admin", "pm"],
    success: 404, // archive / unarchive an unknown one: past the role check
    call: async (actor) =>
      personaArchive[method](
        await request("/api/personas/none/archive", { method, actor }),
        params({ personaId: "none" }),
      ),
  })),
  {
    route: "/api/personas/[personaId]/insights",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      personaInsights.GET(await request("/api/personas/none/insights", { actor }), params({ personaId: "none" })),
  },
  {
    route: "/api/personas/[personaId]/size",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      personaSize.GET(await request("/api/personas/none/size", { actor }), params({ personaId: "none" })),
  },
  {
    route: "/api/personas/[personaId]/validations",
    method: "POST",
    allowed: ["admin", "pm"],
    success: 404,
    call: async (actor) =>
      personaValidations.POST(
        await request("/api/personas/none/validations", {
          method: "POST",
          actor,
          body: { method: "survey", validatedAt: "2026-01-01" },
        }),
        params({ personaId: "none" }),
      ),
  },
  {
    route: "/api/personas/[personaId]/sub-personas",
    method: "POST",
    allowed: ["admin", "pm"],
    success: 404,
    call: async (actor) =>
      subPersonas.POST(
        await request("/api/personas/none/sub-personas", {
          method: "POST",
          actor,
          body: { name: "Child", condition: { kind: "reachable", id: "r", channel: "email" } },
        }),
        params({ personaId: "none" }),
      ),
  },
  ...(["GET", "DELETE"] as const).map((method): Case => ({
    route: "/api/personas/[personaId]/avatar",
    method,
    allowed: method === "GET" ? ROLES : ["admin", "pm"],
    success: 404,
    call: async (actor) =>
      personaAvatar[method](
        await request("/api/personas/none/avatar", { method, actor }),
        params({ personaId: "none" }),
      ),
  })),
  {
    route: "/api/personas/[personaId]/avatar",
    method: "PUT",
    allowed: ["admin", "pm"],
    success: 400, // an empty upload: past the role check, nothing stored
    call: async (actor) =>
      personaAvatar.PUT(
        await request("/api/personas/none/avatar", { method: "PUT", actor }),
        params({ personaId: "none" }),
      ),
  },
  {
    route: "/api/traits/flags",
    method: "PUT",
    allowed: ["admin", "pm"],
    success: 400, // a trait the workspace does not have: past the role check, nothing flagged
    call: async (actor) =>
      traitFlags.PUT(
        await request("/api/traits/flags", { method: "PUT", actor, body: { key: "traits.nope", flag: "sensitive" } }),
      ),
  },
  {
    route: "/api/templates",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => templates.GET(await request("/api/templates", { actor })),
  },
  {
    route: "/api/templates",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400, // no name: past the role check, nothing saved
    call: async (actor) =>
      templates.POST(await request("/api/templates", { method: "POST", actor, body: { channel: "sms" } })),
  },
  ...(["GET", "PATCH", "DELETE"] as const).map((method): Case => ({
    route: "/api/templates/[templateId]",
    method,
    allowed: method === "GET" ? ROLES : ["admin", "marketer"],
    success: 404, // an unknown template: past the role check
    call: async (actor) =>
      templateById[method](
        await request("/api/templates/none", { method, actor, body: method === "PATCH" ? { name: "x" } : undefined }),
        params({ templateId: "none" }),
      ),
  })),
  ...(["POST", "DELETE"] as const).map((method): Case => ({
    route: "/api/templates/[templateId]/archive",
    method,
    allowed: ["admin", "marketer"],
    success: 404, // archive / unarchive an unknown one: past the role check
    call: async (actor) =>
      templateArchive[method](
        await request("/api/templates/none/archive", { method, actor }),
        params({ templateId: "none" }),
      ),
  })),
  {
    route: "/api/templates/[templateId]/publish",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      templatePublish.POST(
        await request("/api/templates/none/publish", { method: "POST", actor }),
        params({ templateId: "none" }),
      ),
  },
  {
    route: "/api/templates/[templateId]/versions/[versionId]/restore",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      templateRestore.POST(
        await request("/api/templates/none/versions/none/restore", { method: "POST", actor }),
        params({ templateId: "none", versionId: "none" }),
      ),
  },
  {
    route: "/api/templates/[templateId]/diff",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      templateDiff.GET(await request("/api/templates/none/diff?a=x&b=y", { actor }), params({ templateId: "none" })),
  },
  {
    route: "/api/templates/[templateId]/test-send",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      templateTestSend.POST(
        await request("/api/templates/none/test-send", { method: "POST", actor, body: { profileId: "none" } }),
        params({ templateId: "none" }),
      ),
  },
  {
    route: "/api/templates/preview",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 200, // content typed into the request: the roles that edit templates (readers preview a templateId, templates-api.test.ts)
    call: async (actor) =>
      templatePreview.POST(
        await request("/api/templates/preview", {
          method: "POST",
          actor,
          body: { content: { channel: "sms", locales: { default: { body: "Hi. STOP to end" } } } },
        }),
      ),
  },
  {
    route: "/api/templates/sample-profiles",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => templateSamples.GET(await request("/api/templates/sample-profiles", { actor })),
  },
  {
    route: "/api/outbox",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => outbox.GET(await request("/api/outbox", { actor })),
  },
  {
    route: "/api/delivery/providers",
    method: "GET",
    allowed: ["admin"],
    success: 200,
    call: async (actor) => providers.GET(await request("/api/delivery/providers", { actor })),
  },
  {
    route: "/api/delivery/providers/[channel]",
    method: "PUT",
    allowed: ["admin"],
    success: 200,
    call: async (actor) =>
      providerByChannel.PUT(
        await request("/api/delivery/providers/push", { method: "PUT", actor, body: { kind: "sandbox" } }),
        params({ channel: "push" }),
      ),
  },
  {
    route: "/api/delivery/providers/[channel]/test",
    method: "POST",
    allowed: ["admin"],
    success: 200,
    call: async (actor) =>
      providerTest.POST(
        await request("/api/delivery/providers/push/test", { method: "POST", actor, body: { to: "role-test" } }),
        params({ channel: "push" }),
      ),
  },
  // Campaigns and delivery: unknown ids and empty bodies get past the role check and change nothing.
  {
    route: "/api/campaigns",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => campaigns.GET(await request("/api/campaigns", { actor })),
  },
  {
    route: "/api/campaigns",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) => campaigns.POST(await request("/api/campaigns", { method: "POST", actor, body: {} })),
  },
  {
    route: "/api/campaigns/[campaignId]",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      campaignById.GET(await request("/api/campaigns/none", { actor }), params({ campaignId: "none" })),
  },
  {
    route: "/api/campaigns/[campaignId]",
    method: "PUT",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) =>
      campaignById.PUT(
        await request("/api/campaigns/none", { method: "PUT", actor, body: {} }),
        params({ campaignId: "none" }),
      ),
  },
  {
    route: "/api/campaigns/[campaignId]/[action]",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      campaignAction.POST(
        await request("/api/campaigns/none/launch", { method: "POST", actor }),
        params({ campaignId: "none", action: "launch" }),
      ),
  },
  {
    route: "/api/campaigns/[campaignId]/messages",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) =>
      campaignMessages.GET(await request("/api/campaigns/none/messages", { actor }), params({ campaignId: "none" })),
  },
  {
    route: "/api/campaigns/[campaignId]/summary",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      campaignSummary.GET(await request("/api/campaigns/none/summary", { actor }), params({ campaignId: "none" })),
  },
  // Journeys: unknown ids and empty bodies get past the role check and change nothing.
  {
    route: "/api/journeys",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => journeys.GET(await request("/api/journeys", { actor })),
  },
  {
    route: "/api/journeys",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) => journeys.POST(await request("/api/journeys", { method: "POST", actor, body: {} })),
  },
  {
    route: "/api/journeys/[journeyId]",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      journeyById.GET(await request("/api/journeys/none", { actor }), params({ journeyId: "none" })),
  },
  {
    route: "/api/journeys/[journeyId]/draft",
    method: "PUT",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) =>
      journeyDraft.PUT(
        await request("/api/journeys/none/draft", { method: "PUT", actor, body: {} }),
        params({ journeyId: "none" }),
      ),
  },
  {
    route: "/api/journeys/[journeyId]/publish",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      journeyPublish.POST(
        await request("/api/journeys/none/publish", { method: "POST", actor }),
        params({ journeyId: "none" }),
      ),
  },
  {
    route: "/api/journeys/[journeyId]/status",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) =>
      journeyStatus.POST(
        await request("/api/journeys/none/status", { method: "POST", actor, body: {} }),
        params({ journeyId: "none" }),
      ),
  },
  {
    route: "/api/journeys/[journeyId]/versions/[version]",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      journeyVersion.GET(
        await request("/api/journeys/none/versions/1", { actor }),
        params({ journeyId: "none", version: "1" }),
      ),
  },
  {
    route: "/api/journeys/[journeyId]/stats",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      journeyStats.GET(await request("/api/journeys/none/stats", { actor }), params({ journeyId: "none" })),
  },
  {
    route: "/api/delivery/policy",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => deliveryPolicy.GET(await request("/api/delivery/policy", { actor })),
  },
  {
    route: "/api/delivery/policy",
    method: "PUT",
    allowed: ["admin"],
    success: 400,
    call: async (actor) =>
      deliveryPolicy.PUT(await request("/api/delivery/policy", { method: "PUT", actor, body: {} })),
  },
  // Experiments.
  {
    route: "/api/experiments",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => experiments.GET(await request("/api/experiments", { actor })),
  },
  {
    route: "/api/experiments",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) => experiments.POST(await request("/api/experiments", { method: "POST", actor, body: {} })),
  },
  {
    route: "/api/experiments/calculator",
    method: "POST",
    allowed: ROLES,
    success: 400,
    call: async (actor) =>
      experimentCalculator.POST(await request("/api/experiments/calculator", { method: "POST", actor, body: {} })),
  },
  {
    route: "/api/experiments/[experimentId]",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      experimentById.GET(await request("/api/experiments/none", { actor }), params({ experimentId: "none" })),
  },
  {
    route: "/api/experiments/[experimentId]",
    method: "PUT",
    allowed: ["admin", "marketer"],
    success: 400,
    call: async (actor) =>
      experimentById.PUT(
        await request("/api/experiments/none", { method: "PUT", actor, body: {} }),
        params({ experimentId: "none" }),
      ),
  },
  {
    route: "/api/experiments/[experimentId]/conclude",
    method: "POST",
    allowed: ["admin", "analyst"],
    success: 400,
    call: async (actor) =>
      experimentConclude.POST(
        await request("/api/experiments/none/conclude", { method: "POST", actor, body: {} }),
        params({ experimentId: "none" }),
      ),
  },
  {
    route: "/api/experiments/[experimentId]/estimate",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      experimentEstimate.GET(
        await request("/api/experiments/none/estimate", { actor }),
        params({ experimentId: "none" }),
      ),
  },
  {
    route: "/api/experiments/[experimentId]/export",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      experimentExport.GET(await request("/api/experiments/none/export", { actor }), params({ experimentId: "none" })),
  },
  {
    route: "/api/experiments/[experimentId]/launch",
    method: "POST",
    allowed: ["admin", "marketer"],
    success: 404,
    call: async (actor) =>
      experimentLaunch.POST(
        await request("/api/experiments/none/launch", { method: "POST", actor }),
        params({ experimentId: "none" }),
      ),
  },
  {
    route: "/api/experiments/[experimentId]/readout",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      experimentReadout.GET(
        await request("/api/experiments/none/readout", { actor }),
        params({ experimentId: "none" }),
      ),
  },
  {
    route: "/api/experiments/[experimentId]/readout/breakdown",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      experimentReadoutBreakdown.GET(
        await request("/api/experiments/none/readout/breakdown?by=persona", { actor }),
        params({ experimentId: "none" }),
      ),
  },
  // Reports.
  {
    route: "/api/reports/overview",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => reportOverview.GET(await request("/api/reports/overview", { actor })),
  },
  {
    route: "/api/reports/options",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => reportOptions.GET(await request("/api/reports/options", { actor })),
  },
  {
    route: "/api/reports/funnel",
    method: "GET",
    allowed: ROLES,
    success: 400,
    call: async (actor) => reportFunnel.GET(await request("/api/reports/funnel", { actor })),
  },
  {
    route: "/api/reports/retention",
    method: "GET",
    allowed: ROLES,
    success: 200,
    call: async (actor) => reportRetention.GET(await request("/api/reports/retention", { actor })),
  },
  {
    route: "/api/reports/experiment-retention",
    method: "GET",
    allowed: ROLES,
    success: 400,
    call: async (actor) => reportExperimentRetention.GET(await request("/api/reports/experiment-retention", { actor })),
  },
  {
    route: "/api/reports/campaigns/[campaignId]",
    method: "GET",
    allowed: ROLES,
    success: 404,
    call: async (actor) =>
      reportCampaign.GET(await request("/api/reports/campaigns/none", { actor }), params({ campaignId: "none" })),
  },
];
// Not session routes: next-auth itself, the health check, the ingestion API and the in-app inbox
// (API keys; tests/ingest-*.test.ts, tests/delivery-providers-api.test.ts).
const PUBLIC_ROUTES = [
  "/api/auth/[...nextauth]",
  "/api/health",
  "/api/v1/batch",
  "/api/v1/[type]",
  "/api/v1/inapp",
  "/api/v1/inapp/events",
  // The invitation link's secret is the credential (tests/invitations.test.ts).
  "/api/invitations/join",
];

function routeFiles(dir: string, prefix = "/api"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? routeFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : entry.name === "route.ts"
        ? [prefix]
        : [],
  );
}

let actors: Record<Role, Actor>;
beforeAll(async () => {
  actors = (await createWorkspace()).actors;
});

describe("requireRole on every protected route handler", () => {
  it("covers every route handler under app/api", () => {
    const listed = new Set([...CASES.map((c) => c.route), ...PUBLIC_ROUTES]);
    expect(routeFiles(path.resolve("app/api")).filter((route) => !listed.has(route))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.route} answers 401 without a session`, async () => {
      expect((await c.call(undefined, actors)).status).toBe(401);
    });
    for (const role of ROLES) {
      const expected = c.allowed.includes(role) ? c.success : 403;
      it(`${c.method} ${c.route} answers ${expected} to ${role}`, async () => {
        expect((await c.call(actors[role], actors)).status).toBe(expected);
      });
    }
  }

  it("treats a deactivated member's session as signed out", async () => {
    const { actors: own } = await createWorkspace();
    await import("@/lib/db/client").then(({ db }) =>
      db.member.update({ where: { id: own.admin.memberId }, data: { deactivatedAt: new Date() } }),
    );
    expect((await members.GET(await request("/api/members", { actor: own.admin }))).status).toBe(401);
  });

  it("uses the role in the database, not the one in the token", async () => {
    const { actors: own } = await createWorkspace();
    const { db } = await import("@/lib/db/client");
    await db.member.update({ where: { id: own.marketer.memberId }, data: { role: "admin" } });
    // The cookie still says marketer; the member is an admin now.
    expect((await members.GET(await request("/api/members", { actor: own.marketer }))).status).toBe(200);
  });
});
