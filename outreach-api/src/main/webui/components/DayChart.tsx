"use client";

import type { DayPoint } from "@/lib/stats";

/** Contacts and replies per day as paired bars in inline SVG. */
export function DayChart({ points, showContacts = true }: { points: DayPoint[]; showContacts?: boolean }) {
  const w = 560, h = 160, padL = 28, padB = 22, padT = 10;
  const max = Math.max(1, ...points.map((p) => Math.max(p.contacts, p.replies)));
  const slot = (w - padL) / Math.max(1, points.length);
  const bar = Math.max(3, Math.min(14, slot / 3));
  const y = (v: number) => padT + (h - padT - padB) * (1 - v / max);
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const empty = points.every((p) => p.contacts === 0 && p.replies === 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Contacts and replies per day over the last ${points.length} days`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={padL} x2={w} y1={y(t)} y2={y(t)} className="grid" />
            <text x={padL - 6} y={y(t) + 4} className="axis" textAnchor="end">{t}</text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = padL + i * slot + slot / 2;
          return (
            <g key={p.day}>
              {showContacts && <rect x={x - bar - 1} y={y(p.contacts)} width={bar} height={y(0) - y(p.contacts)} className="bar-contacts">
                <title>{`${p.day}: ${p.contacts} contacted`}</title>
              </rect>}
              <rect x={showContacts ? x + 1 : x - bar / 2} y={y(p.replies)} width={bar} height={y(0) - y(p.replies)} className="bar-replies">
                <title>{`${p.day}: ${p.replies} replies`}</title>
              </rect>
              {(i % 2 === (points.length - 1) % 2) && (
                <text x={x} y={h - 6} className="axis" textAnchor="middle">{p.day.slice(8)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {showContacts && <span className="legend legend-contacts">contacted</span>}
        <span className="legend legend-replies">{showContacts ? "replies" : "conversations with their latest reply that day"}</span>
        {empty && <span className="muted"> — nothing yet in the last {points.length} days</span>}
      </figcaption>
    </figure>
  );
}
