"use client";

import { useState } from "react";
import { messageOf } from "@/lib/api";
import { INTENTS, intentWords, labeledByWords } from "@/lib/labels";
import type { Reply } from "@/lib/types";
import { useApp } from "./AppContext";

interface Correction { sentiment: string; intent: string; labeled_by: string; do_not_contact_suggested: boolean; lead_status?: string | null }
interface Confirmation { do_not_contact: boolean; lead_status?: string | null }

/**
 * Under a reply: a negative label's do-not-contact suggestion (confirmed in one click; only an explicit opt-out
 * marks the lead by itself), and the member's correction of the label (kept on the server with who and when).
 */
export function ReplyLabelControls({ reply, onChange }: { reply: Reply; onChange: (r: Reply) => void }) {
  const { api } = useApp();
  const id = reply.reply_id;
  const [choice, setChoice] = useState<string>(reply.intent ?? "");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!id) return null;
  const path = `/api/outreach/replies/${encodeURIComponent(id)}`;

  async function confirm() {
    setBusy(true); setError(null);
    try {
      const a = await api.request<Confirmation>("outreach", `${path}/do-not-contact`, { method: "POST", what: "the outreach API" });
      onChange({ ...reply, do_not_contact_suggested: false });
      setNote(a.lead_status === "do_not_contact" ? "The lead is marked do-not-contact." : "Done.");
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function correct() {
    if (!choice || choice === reply.intent) return;
    setBusy(true); setError(null);
    try {
      const a = await api.request<Correction>("outreach", `${path}/label`, { method: "PUT", body: { intent: choice }, what: "the outreach API" });
      onChange({ ...reply, sentiment: a.sentiment, intent: a.intent, labeled_by: a.labeled_by, do_not_contact_suggested: a.do_not_contact_suggested });
      setNote(a.lead_status === "do_not_contact" ? "Label corrected; the lead is marked do-not-contact."
        : a.lead_status ? `Label corrected; the lead is ${a.lead_status.replace(/_/g, " ")} again.` : "Label corrected.");
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="label-controls">
      {reply.labeled_by && <span className="muted small">{labeledByWords(reply.labeled_by)}</span>}
      {reply.do_not_contact_suggested && (
        <p className="notice notice-warn small">
          This reply reads as a refusal ({intentWords(reply.intent).toLowerCase()}). Nothing was changed; if the lead
          does not want to be contacted again:{" "}
          <button type="button" className="btn btn-danger" disabled={busy} onClick={confirm}>Mark do-not-contact</button>
        </p>
      )}
      <label className="small">
        Label{" "}
        <select value={choice} disabled={busy} onChange={(e) => setChoice(e.target.value)} aria-label="Correct the reply's label">
          {!reply.intent && <option value="">Not labelled yet</option>}
          {INTENTS.map((i) => <option key={i} value={i}>{intentWords(i)}</option>)}
        </select>
      </label>{" "}
      <button type="button" className="btn btn-ghost" disabled={busy || !choice || choice === reply.intent} onClick={correct}>Correct label</button>
      {note && <p className="muted small" role="status">{note}</p>}
      {error && <p className="notice notice-error small" role="alert">{error}</p>}
    </div>
  );
}
