import { AppError } from "@/lib/http/errors";

/** 404 naming the route's id, so a client can tell a wrong journey from a wrong version. */
export const journeyNotFound = () => new AppError(404, "not_found", "That journey was not found.", "journeyId");
