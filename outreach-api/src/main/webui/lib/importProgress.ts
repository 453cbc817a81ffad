// How far an import is, from GET /api/leads/imports/{id}: parsing fills the first half of the bar, publishing
// the second. null = not measurable yet (the total is unknown while a streamed file is being parsed).

export interface ProgressLike {
  state?: string;
  processed?: number;
  total?: number | null;
  published?: number;
  accepted?: number;
}

export function importFraction(p: ProgressLike | null): number | null {
  if (!p) return null;
  if (p.state === "completed") return 1;
  const total = typeof p.total === "number" && p.total > 0 ? p.total : null;
  if (p.state === "parsing") return total === null ? null : 0.5 * clamp01((p.processed ?? 0) / total);
  if (p.state === "publishing") {
    const goal = (p.accepted ?? 0) > 0 ? p.accepted! : total;
    return goal === null || goal === 0 ? 0.5 : 0.5 + 0.5 * clamp01((p.published ?? 0) / goal);
  }
  return null;
}

export function importLabel(p: ProgressLike | null): string {
  if (!p) return "Uploading…";
  switch (p.state) {
    case "parsing": return `Reading the file… ${p.processed ?? 0}${p.total ? ` of ${p.total}` : ""} records`;
    case "publishing": return `Saving leads… ${p.published ?? 0}${p.accepted ? ` of ${p.accepted}` : ""}`;
    case "completed": return "Done";
    case "failed": return "The import failed";
    default: return p.state ?? "Working…";
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

export function newImportId(random: () => string = () => Math.random().toString(36).slice(2, 10)): string {
  return `ui-${Date.now().toString(36)}-${random()}`.replace(/[^A-Za-z0-9._-]/g, "").slice(0, 64);
}
