"use client";

import type { ReactNode } from "react";

export function ErrorBox({ title = "Something went wrong", message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
      {onRetry && <button type="button" className="btn btn-small" onClick={onRetry}>Try again</button>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function Spinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

const PROFILE_LABEL: Record<string, string> = {
  supervisor: "Supervisor", hustler: "Hustler", both: "Supervisor + hustler", unknown: "Unknown",
};

export function ProfileBadge({ type }: { type: string }) {
  return <span className={`badge badge-profile badge-${type}`}>{PROFILE_LABEL[type] ?? type}</span>;
}

const TONE: Record<string, string> = {
  positive: "good", interested: "good", wants_call: "good", question: "info", neutral: "muted",
  negative: "bad", not_interested: "bad", unsubscribe: "bad", spam: "bad",
};

export function LabelBadge({ kind, value }: { kind: "sentiment" | "intent"; value: string | null | undefined }) {
  if (!value || value.toLowerCase() === "unknown") return null;
  const tone = TONE[value.toLowerCase()] ?? "info";
  return <span className={`badge badge-${tone}`} title={kind === "sentiment" ? "How the reply sounds" : "What they want"}>{value.replace(/_/g, " ")}</span>;
}

const STATUS_WORDS: Record<string, string> = {
  pending: "not contacted yet", contacted: "contacted", replied: "replied", do_not_contact: "do not contact",
};

export function StatusBadge({ status }: { status: string }) {
  const tone = status === "replied" ? "good" : status === "contacted" ? "info" : status === "pending" ? "muted" : "info";
  return <span className={`badge badge-${tone}`}>{STATUS_WORDS[status] ?? status.replace(/_/g, " ")}</span>;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** A day without the time ("10 Jan 2025"), for when someone wrote something. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "";
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}
