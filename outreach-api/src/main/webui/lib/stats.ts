// Dashboard numbers, computed from what the API offers today: the queue counts (pending, claimed) and the
// conversation list (contacted, replied, replies today, per-day series). A number the API cannot give yet is
// null and shows as "—".

import type { Conversation } from "./types";

export interface DashboardStats {
  pending: number | null;
  claimed: number | null;
  contacted: number | null;
  replied: number | null;
  replyRate: number | null; // 0..1
  repliesToday: number | null;
}

export interface StatsInput {
  /** filtered_count of the queue without claimed leads of others */
  pendingUnclaimed: number | null;
  /** filtered_count of the queue with show_claimed=true */
  pendingWithClaimed: number | null;
  /** the conversation list (a conversation exists once a lead replied), or null when it is not available */
  conversations: Conversation[] | null;
  /** leads contacted (marked sent) by the member, or null while the API does not report it */
  contacted?: number | null;
  now: Date;
}

/** yyyy-mm-dd of a date in the viewer's local time zone. */
export function localDay(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function hasReplied(c: Conversation): boolean {
  return !!c.last_reply_at || c.conversation_status === "replied" || (c.reply_count ?? 0) > 0;
}

export function computeStats(input: StatsInput): DashboardStats {
  const { pendingUnclaimed, pendingWithClaimed, conversations, now } = input;
  const contactedInput = input.contacted ?? null;
  const claimed = pendingUnclaimed !== null && pendingWithClaimed !== null
    ? Math.max(0, pendingWithClaimed - pendingUnclaimed) : null;
  if (conversations === null) {
    return { pending: pendingUnclaimed, claimed, contacted: contactedInput, replied: null, replyRate: null, repliesToday: null };
  }
  const replied = conversations.filter(hasReplied).length;
  // without a contacted figure from the API, the conversations that carry contacted_at are the best lower bound
  const withContactedAt = conversations.filter((c) => !!c.contacted_at).length;
  const contacted = contactedInput ?? (withContactedAt > 0 ? Math.max(withContactedAt, replied) : null);
  const today = localDay(now);
  const repliesToday = conversations.filter((c) => {
    const d = parse(c.last_reply_at);
    return d !== null && localDay(d) === today;
  }).length;
  return {
    pending: pendingUnclaimed,
    claimed,
    contacted,
    replied,
    replyRate: contacted !== null && contacted > 0 ? Math.min(1, replied / contacted) : null,
    repliesToday,
  };
}

export interface DayPoint {
  day: string; // yyyy-mm-dd
  contacts: number;
  replies: number;
}

/** The last `days` days (oldest first), counting contacts by contacted_at and replies by last_reply_at. */
export function perDay(conversations: Conversation[], now: Date, days = 14): DayPoint[] {
  const points: DayPoint[] = [];
  const index = new Map<string, DayPoint>();
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i);
    const p = { day: localDay(d), contacts: 0, replies: 0 };
    points.push(p);
    index.set(p.day, p);
  }
  for (const c of conversations) {
    const contacted = parse(c.contacted_at);
    if (contacted) {
      const p = index.get(localDay(contacted));
      if (p) p.contacts++;
    }
    const reply = parse(c.last_reply_at);
    if (reply) {
      const p = index.get(localDay(reply));
      if (p) p.replies++;
    }
  }
  return points;
}

/** GET /api/outreach/stats: the member's own figures (UTC days). */
export interface ApiStats {
  contacted: number;
  replied: number;
  reply_rate: number | null;
  replies_today: number;
  per_day: { date: string; contacted: number; replies: number }[];
}

/** The chart's points from the API's per-day figures (its UTC days, labelled as such). */
export function pointsFromApi(stats: ApiStats): DayPoint[] {
  return stats.per_day.map((d) => ({ day: d.date, contacts: d.contacted, replies: d.replies }));
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

export function formatCount(n: number | null): string {
  return n === null ? "—" : n.toLocaleString("en-US");
}
