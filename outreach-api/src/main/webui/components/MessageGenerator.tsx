"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import { charState, MAX_MESSAGE_CHARS } from "@/lib/chars";
import { loadDraft, saveDraft } from "@/lib/drafts";
import { cleanGreeting, personName } from "@/lib/names";
import type { ContactDetail, GeneratedMessage, MarkSentAnswer } from "@/lib/types";
import { useApp } from "./AppContext";
import { GeneratorStatus } from "./GeneratorStatus";
import { ErrorBox, formatDateTime } from "./ui";

const EXPECTED_SECONDS = 12;

interface Claim { by: string | null; until: string | null }

/** A claim by another member that has not run out: that lead is theirs to write to. */
export function claimOfOther(contact: ContactDetail, subject: string | null, now = Date.now()): Claim | null {
  if (!contact.claimed_by || contact.claimed_by === subject) return null;
  if (contact.claimed_until && new Date(contact.claimed_until).getTime() <= now) return null;
  return { by: contact.claimed_by, until: contact.claimed_until ?? null };
}

/** Generate → preview (hook, template note) → edit (500) → copy / open in Telegram → mark as sent (undo). */
export function MessageGenerator({ contact, onSent }: { contact: ContactDetail; onSent: (a: MarkSentAnswer) => void }) {
  const { api, subject } = useApp();
  const [message, setMessage] = useState<GeneratedMessage | null>(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState<null | "generating" | "saving" | "sending" | "undoing">(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [claim, setClaim] = useState<Claim | null>(() => claimOfOther(contact, subject));
  const [copied, setCopied] = useState<string | null>(null);
  const [sent, setSent] = useState<MarkSentAnswer | null>(null);
  const [notBuilt, setNotBuilt] = useState(false);
  const [restored, setRestored] = useState(false);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const [focusTarget, setFocusTarget] = useState<null | "text" | "sent" | "generate">(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const generateRef = useRef<HTMLButtonElement>(null);

  /** Shows a message version; an unsaved edit of that same version (kept in this tab) comes back. */
  const show = useCallback((m: GeneratedMessage, fromDraft: boolean) => {
    setMessage(m);
    const draft = fromDraft ? loadDraft(contact.id, m.message_id) : null;
    if (draft !== null && draft !== m.message_text) {
      setText(draft);
      setRestored(true);
    } else {
      setText(m.is_sent ? m.message_text : cleanGreeting(m.message_text, contact.name));
      setRestored(false);
    }
  }, [contact.id, contact.name]);

  // the caller's latest version of a message to this lead, if any
  useEffect(() => {
    let cancelled = false;
    api.request<{ messages: GeneratedMessage[] }>("outreach", `/api/outreach/contacts/${encodeURIComponent(contact.id)}/messages`)
      .then((a) => {
        if (cancelled || !a?.messages?.length) return;
        const latest = [...a.messages].sort((x, y) => (y.version ?? 0) - (x.version ?? 0))[0];
        show(latest, !latest.is_sent);
        if (latest.is_sent) setSent({ success: true, contact_status: contact.outreach_status, sent_at: latest.sent_at ?? "" });
      })
      .catch(() => { /* no earlier messages or not available: start fresh */ });
    return () => { cancelled = true; };
  }, [api, contact.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (busy !== "generating") return;
    const started = Date.now();
    setElapsed(0);
    const t = setInterval(() => setElapsed((Date.now() - started) / 1000), 200);
    return () => clearInterval(t);
  }, [busy]);

  // focus follows the action once its result is on screen (never left on the body)
  useEffect(() => {
    if (!focusTarget || busy !== null) return;
    const el = focusTarget === "text" ? textRef.current : focusTarget === "sent" ? sentRef.current : generateRef.current;
    if (el) { el.focus(); setFocusTarget(null); }
  }, [focusTarget, busy, message, sent]);

  const dirty = message !== null && !sent && text !== message.message_text;

  // an unsaved edit survives leaving the page (kept in this tab); closing the tab asks first
  useEffect(() => {
    if (!message || sent) return;
    saveDraft(contact.id, dirty ? { messageId: message.message_id, text } : null);
  }, [contact.id, message, text, dirty, sent]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ""; };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const generate = useCallback(async () => {
    setConfirmRegenerate(false);
    setBusy("generating");
    setError(null);
    setClaim(null);
    setCopied(null);
    try {
      const m = await api.request<GeneratedMessage>("outreach", `/api/outreach/generate-message/${encodeURIComponent(contact.id)}`,
        { method: "POST", what: "the message writer" });
      saveDraft(contact.id, null);
      show(m, false);
      setSent(null);
      setFocusTarget("text");
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setClaim({ by: str(e.body?.claimed_by), until: str(e.body?.claimed_until) });
      } else if (e instanceof ApiError && e.status === 404 && e.code === "not_found") {
        setNotBuilt(true);
      } else {
        setError(messageOf(e));
        setFocusTarget("generate");
      }
    } finally {
      setBusy(null);
    }
  }, [api, contact.id, show]);

  /** Regenerate replaces the text: with an edit of the member's own on screen, ask first. */
  const regenerate = () => {
    if (dirty || message?.edited) setConfirmRegenerate(true);
    else generate();
  };

  const cs = charState(text);

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
        { method: "PUT", body: { message_text: text }, what: "the outreach service" });
      saveDraft(contact.id, null);
      setMessage(m);
      setText(m.message_text);
      setRestored(false);
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
        { method: "POST", body: { contact_id: contact.id, message_id: m.message_id }, what: "the outreach service" });
      saveDraft(contact.id, null);
      setSent(a);
      onSent(a);
      setFocusTarget("sent");
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const undoSent = async () => {
    if (!message) return;
    setBusy("undoing");
    setError(null);
    try {
      const a = await api.request<{ contact_status: string }>("outreach", "/api/outreach/mark-sent/undo",
        { method: "POST", body: { contact_id: contact.id, message_id: message.message_id }, what: "the outreach service" });
      setSent(null);
      setMessage({ ...message, is_sent: false, sent_at: null });
      onSent({ success: true, contact_status: a?.contact_status ?? "pending", sent_at: "" });
      setFocusTarget("text");
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409
        ? "This can no longer be undone: marking as sent can be taken back for 10 minutes."
        : messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const hook = message?.personalization_context?.hook ?? null;
  const signals = message?.personalization_context?.signals_used ?? [];
  const progress = Math.min(95, (elapsed / EXPECTED_SECONDS) * 100);
  const fromTemplate = !!message && (!!message.warning || message.generated_by === "template" || message.generated_by === "fallback");

  return (
    <section className="card generator" aria-labelledby="gen-title">
      <div className="card-head">
        <h2 id="gen-title">First message</h2>
        {message && <span className="muted small">{fromTemplate ? "from the template" : "written by Maya"}{message.version && message.version > 1 ? ` · version ${message.version}` : ""}</span>}
      </div>
      <p className="muted small">The app never sends Telegram messages: you send it yourself from your Telegram app, then mark it as sent here.</p>
      <GeneratorStatus />

      {notBuilt && <ErrorBox title="Writing messages is not available" message="This server cannot write first messages yet." />}
      {claim && (
        <div className="notice notice-warn" role="alert" data-testid="claimed-by-other">
          <strong>Someone else is writing to this lead.</strong>
          <p>{claim.by ?? "Another team member"} has it{claim.until ? ` until ${formatDateTime(claim.until)}` : ""}. Pick another lead from the queue.</p>
        </div>
      )}
      {error && <ErrorBox message={error} />}

      {busy === "generating" && (
        <div className="progress-block" role="status" aria-live="polite">
          <p>Maya is writing a personal message… {Math.floor(elapsed)} s <span className="muted">(can take up to {EXPECTED_SECONDS} s)</span></p>
          <div className="progress" aria-hidden="true"><div className="progress-bar" style={{ width: `${progress}%` }} /></div>
        </div>
      )}

      {!message && busy !== "generating" && !notBuilt && !claim && (
        <button type="button" className="btn btn-primary" ref={generateRef} onClick={generate} disabled={busy !== null}>Generate message</button>
      )}

      {message && busy !== "generating" && (
        <div className="preview">
          {fromTemplate && !sent && (
            <div className="notice notice-warn" role="note" data-testid="template-warning">
              <strong>Written from the standard template.</strong> Maya could not write a personal message this time.
              Make it personal before you send it — or try Regenerate in a minute.
            </div>
          )}
          {restored && !sent && <p className="notice notice-info small" role="status" data-testid="draft-restored">Your unsaved edit was brought back.</p>}
          {hook && <HookView hook={hook} />}
          {signals.length > 0 && (
            <p className="small muted">Based on: {signals.map((x) => x.replace(/_/g, " ")).join(", ")}</p>
          )}
          <label htmlFor="message-text" className="label-row">
            <span>Message</span>
            <span className={cs.over ? "counter over" : cs.near ? "counter near" : "counter"} aria-live="polite" data-testid="char-count">{cs.label}</span>
          </label>
          <textarea id="message-text" ref={textRef} rows={7} value={text} disabled={!!sent}
                    onChange={(e) => { setText(e.target.value); setCopied(null); }} aria-invalid={cs.over} />
          {confirmRegenerate && (
            <div className="notice notice-warn" role="alertdialog" aria-labelledby="regen-q" data-testid="regenerate-confirm">
              <p id="regen-q"><strong>Replace your edited text with a new message?</strong> Your edit will be gone.</p>
              <div className="actions">
                <button type="button" className="btn btn-primary" onClick={generate} autoFocus>Replace my edit</button>
                <button type="button" className="btn" onClick={() => { setConfirmRegenerate(false); textRef.current?.focus(); }}>Keep my text</button>
              </div>
            </div>
          )}
          <div className="actions">
            {!sent && <button type="button" className="btn" onClick={regenerate} disabled={busy !== null || confirmRegenerate}>Regenerate</button>}
            {!sent && dirty && <button type="button" className="btn" onClick={saveIfNeeded} disabled={busy !== null || cs.over}>{busy === "saving" ? "Saving…" : "Save edit"}</button>}
            <button type="button" className="btn" onClick={copy} disabled={busy !== null || cs.over}>Copy</button>
            {message.telegram_link ? (
              <button type="button" className="btn" onClick={openTelegram} disabled={busy !== null || cs.over}>Open in Telegram ↗</button>
            ) : (
              <span className="muted small">No public username: copy the text and find {personName(contact.name) || "the lead"} in Telegram.</span>
            )}
            {!sent && <button type="button" className="btn btn-primary" onClick={markSent} disabled={busy !== null || cs.over}>{busy === "sending" ? "Marking…" : "Mark as sent"}</button>}
          </div>
          {copied && <p className="small ok" role="status">{copied}</p>}
          {sent && (
            <div className="notice notice-ok" role="status" data-testid="sent-notice" tabIndex={-1} ref={sentRef}>
              <strong>Marked as sent.</strong> {sent.sent_at ? `${formatDateTime(sent.sent_at)}. ` : ""}Replies from this lead will show on the dashboard.
              <div className="actions">
                <button type="button" className="btn btn-small" onClick={undoSent} disabled={busy !== null}>{busy === "undoing" ? "Undoing…" : "Undo"}</button>
              </div>
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
  const date = str(hook.date) ?? str(hook.sent_at);
  return (
    <div className="hook">
      <span className="hook-label">What the message picks up{type ? `: ${type.replace(/_/g, " ")}` : ""}</span>
      {text && <blockquote>{text}</blockquote>}
      {date && <p className="small muted">They wrote this {formatDateTime(date)}.</p>}
    </div>
  );
}

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}
