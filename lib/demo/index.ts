export { seedDemoWorkspace, demoWorkspaceExists } from "./seed-demo-workspace";
export { DEMO_PASSWORD, DEMO_SANDBOX_NAME, DEMO_USERS, DEMO_WORKSPACE_NAME } from "./demo-users";
