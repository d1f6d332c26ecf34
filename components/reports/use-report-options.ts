"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import type { ReportOptions } from "@/lib/analytics/server";
import { queryKeys } from "@/components/query-keys";

/** Event names, campaigns and experiments for the report pickers. */
export const useReportOptions = () =>
  useQuery({
    queryKey: queryKeys.reports.options,
    queryFn: () => apiFetch<ReportOptions>("/api/reports/options"),
    staleTime: 60_000,
  });
