export { listMembers, type MemberRow } from "./list-members";
export { inviteMember, listInvitations, revokeInvitation, type InvitationRow } from "./invite-member";
export { acceptInvitation, invitationForToken, joinWithNewAccount, type InvitationView } from "./accept-invitation";
export { myWorkspaces, membershipToSwitchTo, type MyWorkspaces } from "./my-workspaces";
export { updateMember } from "./update-member";
export {
  addMemberSchema,
  updateMemberSchema,
  roleSchema,
  joinWithNewAccountSchema,
  switchWorkspaceSchema,
  invitationTokenSchema,
  type AddMemberInput,
  type UpdateMemberInput,
  type JoinWithNewAccountInput,
} from "./schema";
