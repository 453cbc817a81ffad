"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import { charState, MAX_MESSAGE_CHARS } from "@/lib/chars";
import type { ContactDetail, GeneratedMessage, MarkSentAnswer } from "@/lib/types";
import { useApp } from "./AppContext";
import { GeneratorStatus } from "./GeneratorStatus";
import { ErrorBox, formatDateTime } from "./ui";

const EXPECTED_SECONDS = 12;

interface Claim { by: string | null; until: string | null }

/** Generate → preview (hook, template warning) → edit (500) → copy / open in Telegram → mark as sent. */
export function MessageGenerator({ contact, onSent }: { contact: ContactDetail; onSent: (a: MarkSentAnswer) => void }) {
  const { api } = useApp();
  const [message, setMessage] = useState<GeneratedMessage | null>(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState<null | "generating" | "saving" | "sending">(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [claim, setClaim] = useState<Claim | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [sent, setSent] = useState<MarkSentAnswer | null>(null);
  const [notBuilt, setNotBuilt] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  // the caller's latest unsent version of a message to this lead, if any
  useEffect(() => {
    let cancelled = false;
    api.request<{ messages: GeneratedMessage[] }>("outreach", `/api/outreach/contacts/${encodeURIComponent(contact.id)}/messages`)
      .then((a) => {
        if (cancelled || !a?.messages?.length) return;
        const latest = [...a.messages].sort((x, y) => (y.version ?? 0) - (x.version ?? 0))[0];
        setMessage(latest);
        setText(latest.message_text);
        if (latest.is_sent) setSent({ success: true, contact_status: contact.outreach_status, sent_at: latest.sent_at ?? "" });
      })
      .catch(() => { /* no earlier messages or not available: start fresh */ });
    return () => { cancelled = true; };
  }, [api, contact.id, contact.outreach_status]);

  useEffect(() => {
    if (busy !== "generating") return;
    const started = Date.now();
    setElapsed(0);
    const t = setInterval(() => setElapsed((Date.now() - started) / 1000), 200);
    return () => clearInterval(t);
  }, [busy]);

  const generate = useCallback(async () => {
    setBusy("generating");
    setError(null);
    setClaim(null);
    setCopied(null);
    try {
      const m = await api.request<GeneratedMessage>("outreach", `/api/outreach/generate-message/${encodeURIComponent(contact.id)}`,
        { method: "POST", what: "the message generator" });
      setMessage(m);
      setText(m.message_text);
      setSent(null);
      setTimeout(() => textRef.current?.focus(), 0);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setClaim({ by: str(e.body?.claimed_by), until: str(e.body?.claimed_until) });
      } else if (e instanceof ApiError && e.status === 404 && e.code === "not_found") {
        setNotBuilt(true);
      } else {
        setError(messageOf(e));
      }
    } finally {
      setBusy(null);
    }
  }, [api, contact.id]);

  const cs = charState(text);
  const dirty = message !== null && text !== message.message_text;

  /** Saves the edit if there is one; returns the current message or null when it could not be saved. */
  const saveIfNeeded = async (): Promise<GeneratedMessage | null> => {
    if (!message) return null;
    if (!dirty) return message;
    if (cs.over) {
      setError(`The message is ${cs.count} characters; shorten it to ${MAX_MESSAGE_CHARS} or fewer first.`);
      return null;
    }
    setBusy("saving");
    setError(null);
    try {
      const m = await api.request<GeneratedMessage>("outreach", `/api/outreach/messages/${encodeURIComponent(message.message_id)}`,
        { method: "PUT", body: { message_text: text }, what: "the outreach API" });
      setMessage(m);
      setText(m.message_text);
      return m;
    } catch (e) {
      setError(messageOf(e));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    const m = await saveIfNeeded();
    if (!m) return;
    try {
      await navigator.clipboard.writeText(m.message_text);
      setCopied("Copied to the clipboard.");
    } catch {
      textRef.current?.select();
      const ok = document.execCommand?.("copy");
      setCopied(ok ? "Copied to the clipboard." : "Select the text and copy it with Ctrl+C / ⌘C.");
    }
  };

  const openTelegram = async () => {
    const m = await saveIfNeeded();
    if (m?.telegram_link) window.open(m.telegram_link, "_blank", "noopener,noreferrer");
  };

  const markSent = async () => {
    const m = await saveIfNeeded();
    if (!m) return;
    setBusy("sending");
    setError(null);
    try {
      const a = await api.request<MarkSentAnswer>("outreach", "/api/outreach/mark-sent",
        { method: "POST", body: { contact_id: contact.id, message_id: m.message_id }, what: "the outreach API" });
      setSent(a);
      onSent(a);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const hook = message?.personalization_context?.hook ?? null;
  const signals = message?.personalization_context?.signals_used ?? [];
  const progress = Math.min(95, (elapsed / EXPECTED_SECONDS) * 100);

  return (
    <section className="card generator" aria-labelledby="gen-title">
      <div className="card-head">
        <h2 id="gen-title">First message</h2>
        {message?.generated_by && <span className="muted small">by {message.generated_by}{message.version ? ` · version ${message.version}` : ""}</span>}
      </div>
      <p className="muted small">The app never sends Telegram messages: you send it yourself from your Telegram app, then mark it as sent here.</p>
      <GeneratorStatus />

      {notBuilt && <ErrorBox title="Message generation is not available" message="This server does not offer message generation yet." />}
      {claim && (
        <div className="notice notice-warn" role="alert">
          <strong>Someone else is writing to this lead.</strong>
          <p>Claimed by {claim.by ?? "another team member"}{claim.until ? ` until ${formatDateTime(claim.until)}` : ""}. Pick another lead from the queue.</p>
        </div>
      )}
      {error && <ErrorBox message={error} />}

      {busy === "generating" && (
        <div className="progress-block" role="status" aria-live="polite">
          <p>Maya is writing a personal message… {Math.floor(elapsed)} s <span className="muted">(can take up to {EXPECTED_SECONDS} s)</span></p>
          <div className="progress" aria-hidden="true"><div className="progress-bar" style={{ width: `${progress}%` }} /></div>
        </div>
      )}

      {!message && busy !== "generating" && !notBuilt && (
        <button type="button" className="btn btn-primary" onClick={generate} disabled={busy !== null}>Generate message</button>
      )}

      {message && busy !== "generating" && (
        <div className="preview">
          {message.warning && (
            <div className="notice notice-warn" role="note" data-testid="template-warning">
              <strong>Template used.</strong> <span>{/[.!?]$/.test(message.warning.trim()) ? message.warning.trim() : `${message.warning.trim()}.`}</span> Personalise it before sending.
            </div>
          )}
          {hook && <HookView hook={hook} />}
          {signals.length > 0 && (
            <p className="small muted">Signals used: {signals.join(", ")}</p>
          )}
          <label htmlFor="message-text" className="label-row">
            <span>Message</span>
            <span className={cs.over ? "counter over" : cs.near ? "counter near" : "counter"} aria-live="polite" data-testid="char-count">{cs.label}</span>
          </label>
          <textarea id="message-text" ref={textRef} rows={7} value={text} disabled={!!sent}
                    onChange={(e) => { setText(e.target.value); setCopied(null); }} aria-invalid={cs.over} />
          <div className="actions">
            {!sent && <button type="button" className="btn" onClick={generate} disabled={busy !== null}>Regenerate</button>}
            {!sent && dirty && <button type="button" className="btn" onClick={saveIfNeeded} disabled={busy !== null || cs.over}>{busy === "saving" ? "Saving…" : "Save edit"}</button>}
            <button type="button" className="btn" onClick={copy} disabled={busy !== null || cs.over}>Copy</button>
            {message.telegram_link ? (
              <button type="button" className="btn" onClick={openTelegram} disabled={busy !== null || cs.over}>Open in Telegram ↗</button>
            ) : (
              <span className="muted small">No public username: copy the text and find the lead in Telegram (id {contact.telegram_id}).</span>
            )}
            {!sent && <button type="button" className="btn btn-primary" onClick={markSent} disabled={busy !== null || cs.over}>{busy === "sending" ? "Marking…" : "Mark as sent"}</button>}
          </div>
          {copied && <p className="small ok" role="status">{copied}</p>}
          {sent && (
            <div className="notice notice-ok" role="status" data-testid="sent-notice">
              <strong>Marked as sent.</strong> {sent.sent_at ? `At ${formatDateTime(sent.sent_at)}. ` : ""}The lead is now “{sent.contact_status}”; replies will show on the dashboard.
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function HookView({ hook }: { hook: Record<string, unknown> }) {
  const type = str(hook.type) ?? str(hook.signal_type);
  const text = str(hook.text) ?? str(hook.snippet) ?? str(hook.text_snippet) ?? str(hook.quote);
  const extra = Object.entries(hook).filter(([k, v]) => !["type", "signal_type", "text", "snippet", "text_snippet", "quote"].includes(k) && (typeof v === "string" || typeof v === "number"));
  return (
    <div className="hook">
      <span className="hook-label">Hook{type ? `: ${type.replace(/_/g, " ")}` : ""}</span>
      {text && <blockquote>{text}</blockquote>}
      {extra.length > 0 && <p className="small muted">{extra.map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`).join(" · ")}</p>}
    </div>
  );
}

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}
