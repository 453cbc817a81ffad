import { describe, expect, it } from "vitest";
import { computeStats, formatRate, perDay, pointsFromApi } from "@/lib/stats";
import type { Conversation } from "@/lib/types";

const now = new Date(2026, 10, 22, 15, 0, 0);
const iso = (d: number, h = 10) => new Date(2026, 10, d, h, 0, 0).toISOString();
const conv = (id: string, contacted: string, reply?: string): Conversation => ({
  conversation_id: id, contact: { id: `contact-${id}`, name: id }, unread_count: reply ? 1 : 0,
  contacted_at: contacted, last_reply_at: reply ?? null,
});

describe("dashboard stats", () => {
  it("computes claimed, contacted, replied, rate and replies today", () => {
    const s = computeStats({
      pendingUnclaimed: 300, pendingWithClaimed: 313, now,
      conversations: [conv("a", iso(20), iso(22)), conv("b", iso(21), iso(21)), conv("c", iso(22)), conv("d", iso(22))],
    });
    expect(s).toEqual({ pending: 300, claimed: 13, contacted: 4, replied: 2, replyRate: 0.5, repliesToday: 1 });
    // the API's own contacted figure wins over the lower bound from the list
    expect(computeStats({ pendingUnclaimed: 1, pendingWithClaimed: 1, now, contacted: 10, conversations: [conv("a", iso(20), iso(22))] }))
      .toMatchObject({ contacted: 10, replied: 1, replyRate: 0.1 });
    // conversations without contacted_at (the inbox of today): replied is known, contacted is not
    expect(computeStats({ pendingUnclaimed: 1, pendingWithClaimed: 1, now, conversations: [{ ...conv("a", ""), last_reply_at: iso(22) }] }))
      .toMatchObject({ contacted: null, replied: 1, replyRate: null, repliesToday: 1 });
    expect(formatRate(s.replyRate)).toBe("50%");
  });
  it("leaves unknown figures null when there is no conversation list", () => {
    const s = computeStats({ pendingUnclaimed: 313, pendingWithClaimed: 313, conversations: null, now });
    expect(s).toEqual({ pending: 313, claimed: 0, contacted: null, replied: null, replyRate: null, repliesToday: null });
    expect(formatRate(null)).toBe("—");
    expect(computeStats({ pendingUnclaimed: 0, pendingWithClaimed: 0, conversations: [], now }).replyRate).toBeNull();
  });
  it("buckets contacts and replies per local day over the window, oldest first", () => {
    const pts = perDay([conv("a", iso(20), iso(22)), conv("b", iso(22)), conv("old", iso(1), iso(2))], now, 3);
    expect(pts.map((p) => p.day)).toEqual(["2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(pts.map((p) => [p.contacts, p.replies])).toEqual([[1, 0], [0, 0], [1, 1]]);
  });
});

describe("figures from /api/outreach/stats", () => {
  it("turns the per-day figures into chart points and fills contacted and the reply rate", () => {
    const api = { contacted: 4, replied: 1, reply_rate: 0.25, replies_today: 1,
      per_day: [{ date: "2026-11-21", contacted: 3, replies: 0 }, { date: "2026-11-22", contacted: 1, replies: 1 }] };
    expect(pointsFromApi(api)).toEqual([
      { day: "2026-11-21", contacts: 3, replies: 0 },
      { day: "2026-11-22", contacts: 1, replies: 1 },
    ]);
    const stats = computeStats({ pendingUnclaimed: 10, pendingWithClaimed: 11, conversations: [], contacted: api.contacted, now: new Date() });
    expect(stats.contacted).toBe(4);
    expect(stats.replyRate).toBe(0);
  });
});
