"use client";

import { percent, stageWords, type FunnelAnswer } from "@/lib/analytics";

/** The pipeline funnel as bars whose width is each step's share of the contacted leads. */
export function FunnelChart({ funnel, title }: { funnel: FunnelAnswer; title: string }) {
  const first = funnel.steps[0]?.leads ?? 0;
  return (
    <div className="funnel" role="list" aria-label={title}>
      {funnel.steps.map((s) => (
        <div key={s.stage} className="funnel-row" role="listitem">
          <span className="funnel-label">{stageWords(s.stage)}</span>
          <span className="funnel-track">
            <span className="funnel-bar" style={{ width: `${first === 0 ? 0 : Math.max(1, (s.leads / first) * 100)}%` }} />
          </span>
          <span className="funnel-value">{s.leads.toLocaleString("en-US")} <span className="muted">({percent(s.share_of_contacted)})</span></span>
        </div>
      ))}
    </div>
  );
}
