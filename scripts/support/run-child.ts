import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./env-local";

export const TSX = path.join(ROOT, "node_modules/.bin/tsx");
export const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

/** Starts a child that shares this terminal and the current environment. */
export function startChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = ROOT,
): ChildProcess {
  return spawn(command, args, { cwd, env, stdio: "inherit" });
}

/** Runs a child to completion; rejects with its exit code otherwise. */
export function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = ROOT,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, env, cwd);
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}
