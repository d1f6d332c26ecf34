import "server-only";

export * from "./index";
export { seedDemoWorkspace, demoWorkspaceExists } from "./seed-demo-workspace";
