export { listMembers, type MemberRow } from "./list-members";
export { addMember } from "./add-member";
export { updateMember } from "./update-member";
export { addMemberSchema, updateMemberSchema, roleSchema, type AddMemberInput, type UpdateMemberInput } from "./schema";
