import type { Metadata } from "next";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const actor = await requirePageRole(PERMISSIONS["members:manage"]);
  return (
    <>
      <PageHeader
        title="Members"
        description={
          "Who can use this workspace, and what their role lets them do. Every change is recorded in " +
          "the audit log."
        }
        actions={<AddMemberDialog />}
      />
      <Card>
        <CardContent className="pt-6">
          <MembersTable currentMemberId={actor.memberId} />
        </CardContent>
      </Card>
    </>
  );
}
