"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { analyticsPath, funnelPath, percent, type AnalyticsAnswer, type Figures, type FunnelAnswer } from "@/lib/analytics";
import { useApp } from "./AppContext";
import { FunnelChart } from "./FunnelChart";

/**
 * The member's own outcomes next to the team's, each labelled, from the analytics endpoint (all time): reply rate
 * and positive rate over sent messages, where an opt-out never counts as positive. The member's funnel below.
 * Independent of the conversation list's filters.
 */
export function TeamFigures({ refreshKey }: { refreshKey?: unknown }) {
  const { api } = useApp();
  const [mine, setMine] = useState<AnalyticsAnswer | null>(null);
  const [team, setTeam] = useState<AnalyticsAnswer | null>(null);
  const [funnel, setFunnel] = useState<FunnelAnswer | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    Promise.all([
      api.request<AnalyticsAnswer>("outreach", analyticsPath("generated_by", "me", "", ""), { what: "your figures" }),
      api.request<AnalyticsAnswer>("outreach", analyticsPath("generated_by", "team", "", ""), { what: "the team's figures" }),
      api.request<FunnelAnswer>("outreach", funnelPath("me", "", ""), { what: "your funnel" }),
    ]).then(([m, t, f]) => { setMine(m); setTeam(t); setFunnel(f); setMissing(false); })
      .catch(() => setMissing(true));
  }, [api, refreshKey]);
  if (missing) return null;
  return (
    <section className="card" aria-labelledby="outcomes-title" data-testid="team-figures">
      <div className="card-head">
        <h2 id="outcomes-title">Outcomes</h2>
        <Link href="/analytics/" className="small">Analytics</Link>
      </div>
      <div className="team-figures">
        <Column title={mine ? `You (${mine.member})` : "You"} f={mine?.total ?? null} testId="mine" />
        <Column title="Whole team" f={team?.total ?? null} testId="team" />
      </div>
      <p className="muted small">Of messages sent, all time. Positive = interested or a question; opt-outs never count as positive.</p>
      {funnel && funnel.steps[0]?.leads > 0 && <FunnelChart funnel={funnel} title="Your pipeline funnel" />}
    </section>
  );
}

function Column({ title, f, testId }: { title: string; f: Figures | null; testId: string }) {
  const n = (v: number | undefined) => (v === undefined ? "—" : v.toLocaleString("en-US"));
  return (
    <div data-testid={`figures-${testId}`}>
      <h3>{title}</h3>
      <dl>
        <dt>Sent</dt><dd data-testid={`${testId}-sent`}>{n(f?.sent)}</dd>
        <dt>Replied</dt><dd>{n(f?.replied)}</dd>
        <dt>Reply rate</dt><dd data-testid={`${testId}-reply-rate`}>{percent(f?.reply_rate ?? null)}</dd>
        <dt>Positive rate</dt><dd data-testid={`${testId}-positive-rate`}>{percent(f?.positive_rate ?? null)}</dd>
        <dt>Opted out</dt><dd>{n(f?.unsubscribed)}</dd>
      </dl>
    </div>
  );
}
