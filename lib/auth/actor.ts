import type { Role } from "./roles";

/** The signed-in member on whose behalf a request runs. Role comes from the database, not the token. */
export type Actor = {
  userId: string;
  memberId: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
};
