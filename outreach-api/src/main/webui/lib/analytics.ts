// GET /api/outreach/analytics and /analytics/funnel: types, wording and CSV export of any table.

export const GROUPINGS = [
  { value: "variant", label: "Prompt variant" },
  { value: "hook_type", label: "Hook type" },
  { value: "profile_type", label: "Profile type" },
  { value: "member", label: "Team member" },
  { value: "generated_by", label: "Written by" },
  { value: "week", label: "Week sent" },
] as const;

export type Grouping = (typeof GROUPINGS)[number]["value"];

export interface Figures {
  key: string;
  sent: number;
  replied: number;
  positive: number;
  negative: number;
  unsubscribed: number;
  reply_rate: number | null;
  reply_rate_low: number | null;
  reply_rate_high: number | null;
  positive_rate: number | null;
  positive_rate_low: number | null;
  positive_rate_high: number | null;
  median_seconds_to_first_reply: number | null;
}

export interface Comparison {
  metric: "reply_rate" | "positive_rate";
  a: string;
  b: string;
  rate_a: number;
  rate_b: number;
  difference: number;
  z: number;
  p_value: number;
  significant: boolean;
  sends_needed_per_group: number | null;
  more_sends_needed: number | null;
  verdict: string;
}

export interface AnalyticsAnswer {
  group_by: Grouping;
  owner: "me" | "team";
  member: string;
  from: string;
  to: string;
  groups: Figures[];
  total: Figures;
  comparisons: Comparison[];
}

export interface FunnelAnswer {
  owner: "me" | "team";
  member: string;
  steps: { stage: string; leads: number; share_of_contacted: number | null; share_of_previous: number | null }[];
  stages_now: Record<string, number>;
}

export function analyticsPath(groupBy: Grouping, owner: "me" | "team", from: string, to: string): string {
  const q = new URLSearchParams({ group_by: groupBy, owner });
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  return `/api/outreach/analytics?${q.toString()}`;
}

export function funnelPath(owner: "me" | "team", from: string, to: string): string {
  const q = new URLSearchParams({ owner });
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  return `/api/outreach/analytics/funnel?${q.toString()}`;
}

export function percent(rate: number | null | undefined, digits = 0): string {
  return rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(digits)}%`;
}

/** "23% (15–33%)": the rate with its 95 % interval. */
export function rateWithInterval(rate: number | null, low: number | null, high: number | null): string {
  if (rate === null) return "—";
  return low === null || high === null ? percent(rate) : `${percent(rate)} (${(low * 100).toFixed(0)}–${percent(high)})`;
}

export function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

const STAGE_WORDS: Record<string, string> = {
  pending: "Pending", contacted: "Contacted", replied: "Replied", interested: "Interested", call_booked: "Call booked",
  joined: "Joined", rejected: "Rejected", not_now: "Not now", do_not_contact: "Do not contact",
};

export function stageWords(stage: string): string {
  return STAGE_WORDS[stage] ?? stage;
}

export function groupWords(groupBy: Grouping, key: string): string {
  if (groupBy === "generated_by") return key === "maya" ? "Claude (Maya)" : key === "generic-template" ? "Template" : key;
  if (key === "none") return groupBy === "variant" ? "none (before variants)" : "none";
  return key;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/**
 * RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; a text cell that a spreadsheet would
 * read as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe. Numbers stay numbers.
 */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
  const cell = (v: string | number | null): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    let s = v;
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export const FIGURE_COLUMNS: Column<Figures>[] = [
  { header: "group", value: (f) => f.key },
  { header: "sent", value: (f) => f.sent },
  { header: "replied", value: (f) => f.replied },
  { header: "positive", value: (f) => f.positive },
  { header: "negative", value: (f) => f.negative },
  { header: "unsubscribed", value: (f) => f.unsubscribed },
  { header: "reply_rate", value: (f) => f.reply_rate },
  { header: "reply_rate_low", value: (f) => f.reply_rate_low },
  { header: "reply_rate_high", value: (f) => f.reply_rate_high },
  { header: "positive_rate", value: (f) => f.positive_rate },
  { header: "positive_rate_low", value: (f) => f.positive_rate_low },
  { header: "positive_rate_high", value: (f) => f.positive_rate_high },
  { header: "median_seconds_to_first_reply", value: (f) => f.median_seconds_to_first_reply },
];

export const COMPARISON_COLUMNS: Column<Comparison>[] = [
  { header: "metric", value: (c) => c.metric },
  { header: "a", value: (c) => c.a },
  { header: "b", value: (c) => c.b },
  { header: "rate_a", value: (c) => c.rate_a },
  { header: "rate_b", value: (c) => c.rate_b },
  { header: "z", value: (c) => c.z },
  { header: "p_value", value: (c) => c.p_value },
  { header: "significant", value: (c) => String(c.significant) },
  { header: "more_sends_needed", value: (c) => c.more_sends_needed },
  { header: "verdict", value: (c) => c.verdict },
];

export const FUNNEL_COLUMNS: Column<FunnelAnswer["steps"][number]>[] = [
  { header: "stage", value: (s) => s.stage },
  { header: "leads", value: (s) => s.leads },
  { header: "share_of_contacted", value: (s) => s.share_of_contacted },
  { header: "share_of_previous", value: (s) => s.share_of_previous },
];

/** Offers a CSV as a file download (a Blob URL; nothing leaves the browser). */
export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
