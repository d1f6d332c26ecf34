import "server-only";

export * from "./index";
export { listMembers, type MemberRow } from "./list-members";
export { inviteMember, listInvitations, revokeInvitation, type InvitationRow } from "./invite-member";
export { acceptInvitation, invitationForToken, joinWithNewAccount, type InvitationView } from "./accept-invitation";
export { myWorkspaces, membershipToSwitchTo, type MyWorkspaces } from "./my-workspaces";
export { updateMember } from "./update-member";
