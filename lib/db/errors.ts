import { Prisma } from "@/lib/generated/prisma/client";

// A Prisma model call reports P2002; a raw statement through the pg adapter reports P2010 with the
// driver's error kind.
type AdapterMeta = { driverAdapterError?: { cause?: { kind?: string } } } | undefined;

/** Whether a Prisma error is a unique-constraint violation, from a model call or a raw statement. */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.code === "P2002" ||
    (error.meta as AdapterMeta)?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");

/**
 * Whether a Prisma error is a deadlock or serialization failure (SQLSTATE 40P01 / 40001): the
 * database aborted this transaction so another could go on, and running it again is safe.
 */
export const isWriteConflict = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.code === "P2034" ||
    (error.meta as AdapterMeta)?.driverAdapterError?.cause?.kind === "TransactionWriteConflict");
