"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { messageOf } from "@/lib/api";
import { computeStats, formatCount, formatRate, perDay, pointsFromApi, type ApiStats } from "@/lib/stats";
import type { QueuePage } from "@/lib/types";
import { useApp, usePageTitle } from "./AppContext";
import { ConversationList, useConversations } from "./ConversationList";
import { DayChart } from "./DayChart";
import { OutreachQueue } from "./OutreachQueue";
import { TeamFigures } from "./TeamFigures";

export function OutreachDashboard() {
  const { api } = useApp();
  usePageTitle("Dashboard");
  const [unreadOnly, setUnreadOnly] = useState(false);
  const conv = useConversations(unreadOnly);
  const [counts, setCounts] = useState<{ unclaimed: number | null; withClaimed: number | null }>({ unclaimed: null, withClaimed: null });
  const [countError, setCountError] = useState<string | null>(null);

  const loadCounts = useCallback(async () => {
    try {
      const [a, b] = await Promise.all([
        api.request<QueuePage>("outreach", "/api/outreach/queue?limit=1&offset=0", { what: "the queue counts" }),
        api.request<QueuePage>("outreach", "/api/outreach/queue?limit=1&offset=0&show_claimed=true", { what: "the queue counts" }),
      ]);
      setCounts({ unclaimed: a.filtered_count, withClaimed: b.filtered_count });
      setCountError(null);
    } catch (e) {
      setCountError(messageOf(e));
    }
  }, [api]);

  useEffect(() => { loadCounts(); }, [loadCounts]);

  // the member's own contacted/replied figures; older servers without /api/outreach/stats leave them "—"
  const [apiStats, setApiStats] = useState<ApiStats | null>(null);
  useEffect(() => {
    api.request<ApiStats>("outreach", "/api/outreach/stats", { what: "your outreach figures" })
      .then(setApiStats).catch(() => setApiStats(null));
  }, [api, conv.conversations]);

  const now = new Date();
  const stats = computeStats({ pendingUnclaimed: counts.unclaimed, pendingWithClaimed: counts.withClaimed, conversations: unreadOnly ? null : conv.conversations, contacted: apiStats?.contacted ?? null, now });
  const series = useMemo(() => apiStats ? pointsFromApi(apiStats) : perDay(conv.conversations ?? [], new Date(), 14), [apiStats, conv.conversations]);
  // the member's own figures come from the API whatever the conversation list shows ("Unread only" filters the list only)
  const replied = apiStats?.replied ?? stats.replied;
  const replyRate = apiStats ? apiStats.reply_rate : stats.replyRate;
  const repliesToday = apiStats?.replies_today ?? stats.repliesToday;
  const cards: { label: string; value: string; hint?: string; id: string }[] = [
    { id: "pending", label: "Pending (team queue)", value: formatCount(stats.pending), hint: "leads waiting for a first message, for the whole team" },
    { id: "claimed", label: "Claimed (team)", value: formatCount(stats.claimed), hint: "being written by a team member" },
    { id: "contacted", label: "Contacted by you", value: formatCount(stats.contacted) },
    { id: "replied", label: "Replied to you", value: formatCount(replied) },
    { id: "reply-rate", label: "Your reply rate", value: formatRate(replyRate), hint: "any reply, opt-outs included; see Outcomes for the positive rate" },
    { id: "replies-today", label: "Your replies today", value: formatCount(repliesToday) },
  ];

  return (
    <div className="dashboard">
      <h1 className="page-title">Outreach mission</h1>
      <section aria-label="Statistics" className="stats">
        {cards.map((c) => (
          <div key={c.id} className="stat" data-testid={`stat-${c.id}`} title={c.hint}>
            <span className="stat-value">{c.value}</span>
            <span className="stat-label">{c.label}</span>
          </div>
        ))}
      </section>
      {countError && <p className="notice notice-warn small">Counts unavailable: {countError}</p>}
      {conv.missing && <p className="muted small stats-note">Replied and reply figures appear once reply tracking is available on this server.</p>}
      {!conv.missing && stats.contacted === null && <p className="muted small stats-note">“Contacted” and the reply rate are not reported by this server yet.</p>}
      <div className="dashboard-grid">
        <div className="col-main">
          <OutreachQueue />
        </div>
        <div className="col-side">
          <section className="card chart-card" aria-labelledby="chart-title">
            <div className="card-head"><h2 id="chart-title">Last 14 days</h2></div>
            <DayChart points={series} showContacts={apiStats !== null || (conv.conversations ?? []).some((c) => !!c.contacted_at)} />
          </section>
          <TeamFigures refreshKey={apiStats} />
          <ConversationList state={conv} unreadOnly={unreadOnly} onUnreadOnly={setUnreadOnly} />
        </div>
      </div>
    </div>
  );
}
