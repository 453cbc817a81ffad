"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "@/lib/api";
import type { ContactDetail } from "@/lib/types";
import { useApp, usePageTitle } from "./AppContext";
import { ContactConnections } from "./ContactConnections";
import { MessageGenerator } from "./MessageGenerator";
import { PipelinePanel } from "./PipelinePanel";
import { Empty, ErrorBox, ProfileBadge, Spinner, StatusBadge, formatDate, formatDateTime } from "./ui";

export function ContactView() {
  const id = useSearchParams().get("id");
  const { api, subject } = useApp();
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejectError, setRejectError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    setError(null);
    try {
      setContact(await api.request<ContactDetail>("outreach", `/api/outreach/contacts/${encodeURIComponent(id)}`, { what: "the outreach service" }));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, id]);

  useEffect(() => { load(); }, [load]);
  usePageTitle(contact ? (contact.name || "A lead") : "A lead");

  const toggleRejected = async (c: ContactDetail) => {
    const undo = c.outreach_status === "rejected";
    const reason = undo ? "" : window.prompt("Why is this lead not a fit? (optional)");
    if (reason === null) return;
    setRejectError(null);
    try {
      const a = await api.request<{ outreach_status: string }>("outreach", `/api/outreach/contacts/${encodeURIComponent(c.id)}/reject`,
        { method: undo ? "DELETE" : "POST", body: undo ? undefined : { reason }, what: "the outreach API" });
      setContact((prev) => prev ? { ...prev, outreach_status: a.outreach_status } : prev);
    } catch (e) {
      setRejectError(messageOf(e));
    }
  };

  if (!id) return <Empty title="No lead chosen"><p><Link href="/">Pick a lead from the queue →</Link></p></Empty>;
  return (
    <div className="contact-page">
      <p><Link href="/" className="back">← Back to the queue</Link></p>
      {error && <ErrorBox title="This lead could not be loaded" message={error} onRetry={load} />}
      {!error && !contact && <Spinner label="Loading the lead…" />}
      {contact && (
        <div className="contact-grid">
          <section className="card" aria-labelledby="contact-name">
            <div className="card-head">
              <h1 id="contact-name" className="contact-name">{contact.name || `Telegram ${contact.telegram_id}`}</h1>
              <StatusBadge status={contact.outreach_status} />
            </div>
            <div className="contact-meta">
              <ProfileBadge type={contact.profile_type} />
              <span className="muted small">Telegram id {contact.telegram_id}</span>
            </div>
            <dl className="score-grid">
              <div><dt>Total</dt><dd>{contact.total_score}</dd></div>
              <div><dt>Supervisor</dt><dd>{contact.supervisor_score}</dd></div>
              <div><dt>Hustler</dt><dd>{contact.hustler_score}</dd></div>
            </dl>
            {contact.claimed_by && <p className="small">{contact.claimed_by === subject ? "You are writing to this lead" : <>Being written to by <strong>{contact.claimed_by}</strong></>}{contact.claimed_until ? ` until ${formatDateTime(contact.claimed_until)}` : ""}.</p>}
            <p><button type="button" className="btn btn-small btn-ghost" onClick={() => toggleRejected(contact)}>
              {contact.outreach_status === "rejected" ? "Undo rejection" : "Reject lead"}</button>
              {rejectError && <span className="small" role="alert"> {rejectError}</span>}</p>
            {contact.top_signals.length > 0 && (
              <>
                <h2 className="sub">Top signals</h2>
                <ul className="signals">{contact.top_signals.map((s) => <li key={s}>{s}</li>)}</ul>
              </>
            )}
            <h2 className="sub">What they wrote</h2>
            {(contact.matching_messages?.length ?? 0) > 0 ? (
              <ul className="snippets">
                {contact.matching_messages!.map((m, i) => (
                  <li key={`${m.message_id ?? i}`}>
                    <blockquote>{m.text_snippet}</blockquote>
                    <span className="muted small">{[m.signal_type?.replace(/_/g, " "), formatDate(m.date)].filter(Boolean).join(" · ")}</span>
                  </li>
                ))}
              </ul>
            ) : contact.sample_messages.length > 0 ? (
              <ul className="snippets">{contact.sample_messages.map((s, i) => <li key={i}><blockquote>{s}</blockquote></li>)}</ul>
            ) : <p className="muted">No message snippets for this lead.</p>}
            <ContactConnections contactId={contact.id} />
          </section>
          <MessageGenerator contact={contact} onSent={(a) => setContact((c) => c ? { ...c, outreach_status: a.contact_status } : c)} />
          <PipelinePanel contactId={contact.id} pipeline={contact.pipeline ?? { stage: contact.outreach_status }}
            onStage={(stage) => setContact((c) => c ? { ...c, outreach_status: stage } : c)} />
        </div>
      )}
    </div>
  );
}
