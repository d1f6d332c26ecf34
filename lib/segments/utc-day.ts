// Date inputs in the builder pick whole UTC days; a range's end day counts to its last millisecond.
export const dayStartIso = (day: string) => (day ? `${day}T00:00:00.000Z` : "");
export const dayEndIso = (day: string) => (day ? `${day}T23:59:59.999Z` : "");
export const todayUtc = () => new Date().toISOString().slice(0, 10);
