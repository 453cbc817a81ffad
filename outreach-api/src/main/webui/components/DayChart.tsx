"use client";

import { useWidth } from "./useWidth";
import type { DayPoint } from "@/lib/stats";

/**
 * Contacts and replies per day as paired bars in inline SVG. The drawing is as wide as the card (one SVG unit is
 * one CSS pixel), so its labels keep their 12 px instead of shrinking with a scaled-down picture.
 */
export function DayChart({ points, showContacts = true }: { points: DayPoint[]; showContacts?: boolean }) {
  const [figure, w] = useWidth<HTMLElement>(320, 240);
  const h = 170, padL = 30, padB = 24, padT = 10;
  const max = Math.max(1, ...points.map((p) => Math.max(p.contacts, p.replies)));
  const slot = (w - padL) / Math.max(1, points.length);
  const bar = Math.max(3, Math.min(14, slot / 3));
  const y = (v: number) => padT + (h - padT - padB) * (1 - v / max);
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const labelEvery = slot >= 24 ? 1 : slot >= 12 ? 2 : 3; // day labels never overlap
  const empty = points.every((p) => p.contacts === 0 && p.replies === 0);
  return (
    <figure className="chart" ref={figure}>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`Contacts and replies per day over the last ${points.length} days`}>
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
                <title>{`${dayWords(p.day)}: ${p.contacts} contacted`}</title>
              </rect>}
              <rect x={showContacts ? x + 1 : x - bar / 2} y={y(p.replies)} width={bar} height={y(0) - y(p.replies)} className="bar-replies">
                <title>{`${dayWords(p.day)}: ${p.replies} replies`}</title>
              </rect>
              {(i % labelEvery === (points.length - 1) % labelEvery) && (
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

function dayWords(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
