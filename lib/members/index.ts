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
