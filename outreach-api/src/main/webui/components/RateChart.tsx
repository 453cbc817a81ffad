"use client";

import { useWidth } from "./useWidth";
import { percent, type Figures } from "@/lib/analytics";

/**
 * Reply rate and positive rate per group as horizontal bars, each with its 95 % interval as a whisker, drawn as
 * wide as the card (one SVG unit = one CSS pixel, so the 12 px labels stay 12 px).
 */
export function RateChart({ groups, label }: { groups: { name: string; f: Figures }[]; label: string }) {
  const [figure, w] = useWidth<HTMLElement>(520, 280);
  const labelW = Math.min(150, Math.round(w * 0.3));
  const right = 12, rowH = 40, top = 8, axisH = 22;
  const max = Math.max(0.1, ...groups.map((g) => g.f.reply_rate_high ?? g.f.reply_rate ?? 0));
  const scaleMax = Math.min(1, Math.ceil(max * 10) / 10);
  const x = (v: number) => labelW + (w - labelW - right) * (v / scaleMax);
  const h = top + groups.length * rowH + axisH;
  const ticks = [0, scaleMax / 2, scaleMax];
  return (
    <figure className="chart" ref={figure}>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top} y2={h - axisH} className="grid" />
            <text x={x(t)} y={h - 6} className="axis" textAnchor="middle">{percent(t)}</text>
          </g>
        ))}
        {groups.map((g, i) => {
          const y = top + i * rowH;
          const rows = [
            { rate: g.f.reply_rate, low: g.f.reply_rate_low, high: g.f.reply_rate_high, cls: "bar-contacts", what: "replied" },
            { rate: g.f.positive_rate, low: g.f.positive_rate_low, high: g.f.positive_rate_high, cls: "bar-replies", what: "positive" },
          ];
          return (
            <g key={g.name}>
              <text x={labelW - 8} y={y + rowH / 2 + 4} className="axis" textAnchor="end">{g.name.length > 22 ? g.name.slice(0, 21) + "…" : g.name}</text>
              {rows.map((r, k) => {
                const by = y + 6 + k * 14;
                return (
                  <g key={r.what}>
                    <rect x={labelW} y={by} width={Math.max(0, x(r.rate ?? 0) - labelW)} height={11} className={r.cls}>
                      <title>{`${g.name}: ${percent(r.rate)} ${r.what} (95 % interval ${percent(r.low)}–${percent(r.high)}) of ${g.f.sent} sent`}</title>
                    </rect>
                    {r.low !== null && r.high !== null && (
                      <line x1={x(r.low)} x2={x(Math.min(r.high, scaleMax))} y1={by + 5.5} y2={by + 5.5} className="whisker" />
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend legend-contacts">reply rate</span>
        <span className="legend legend-replies">positive rate (interested or question; opt-outs never count)</span>
        <span className="muted"> — lines: 95 % interval</span>
      </figcaption>
    </figure>
  );
}
