// Segment SDKs post to <host>/v1/batch: the same endpoint, at the path they expect.
export { POST } from "@/app/api/v1/batch/route";
