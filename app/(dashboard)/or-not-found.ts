import { notFound } from "next/navigation";
import { AppError } from "@/lib/http";

/** A page's main lookup: lib's 404 becomes the not-found page; anything else stays an error. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
