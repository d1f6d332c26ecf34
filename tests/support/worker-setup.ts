import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only";
// The providers' peers in these tests listen on loopback, which outbound calls refuse by default;
// tests of that refusal clear it for themselves.
process.env.TAILOR_OUTBOUND_ALLOW_HOSTS ??= "127.0.0.1";
