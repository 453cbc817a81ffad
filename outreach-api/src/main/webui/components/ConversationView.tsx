"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import type { Conversation, Reply } from "@/lib/types";
import { useApp, usePageTitle } from "./AppContext";
import { ReplyLabelControls } from "./ReplyLabelControls";
import { Empty, ErrorBox, LabelBadge, Spinner, formatDateTime } from "./ui";

interface RepliesAnswer { conversation?: Conversation; contact?: Conversation["contact"]; replies: Reply[] }

export function ConversationView() {
  const params = useSearchParams();
  const id = params.get("id");
  const nameParam = params.get("name");
  const contactParam = params.get("contact");
  const { api } = useApp();
  const [data, setData] = useState<RepliesAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [readNote, setReadNote] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    setError(null);
    try {
      const a = await api.request<RepliesAnswer | Reply[]>("outreach", `/api/outreach/conversations/${encodeURIComponent(id)}/replies`, { what: "the replies" });
      setData(Array.isArray(a) ? { replies: a } : { ...a, replies: a?.replies ?? [] });
      // opening a conversation marks its replies read here (in the Mission Deck only, never in Telegram)
      api.request("outreach", `/api/outreach/conversations/${encodeURIComponent(id)}/read`, { method: "POST", what: "the outreach service" })
        .then(() => setReadNote(null))
        .catch((e) => setReadNote(`Could not mark as read: ${messageOf(e)}`));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 && e.code === "not_found"
        ? "This server does not show conversations yet." : messageOf(e));
    }
  }, [api, id]);

  useEffect(() => { load(); }, [load]);

  const titleName = data?.contact?.name ?? data?.conversation?.contact?.name ?? nameParam;
  usePageTitle(titleName ? `Replies from ${titleName}` : "Replies");
  if (!id) return <Empty title="No conversation chosen"><p><Link href="/">Back to the dashboard →</Link></p></Empty>;
  const contact = data?.contact ?? data?.conversation?.contact ?? (nameParam || contactParam ? { id: contactParam ?? "", name: nameParam ?? "Conversation" } : undefined);
  return (
    <div className="narrow-wide">
      <p><Link href="/" className="back">← Back to the dashboard</Link></p>
      {error && <ErrorBox title="The conversation could not be loaded" message={error} onRetry={load} />}
      {!error && !data && <Spinner label="Loading replies…" />}
      {data && (
        <section className="card" aria-labelledby="conv-name">
          <div className="card-head">
            <h1 id="conv-name" className="contact-name">{contact?.name ?? "Conversation"}</h1>
            {contact?.id && <Link href={`/contact/?id=${encodeURIComponent(contact.id)}`} className="small">Lead details →</Link>}
          </div>
          <p className="muted small">Marked as read here only — the app never marks messages as read in Telegram.</p>
          {readNote && <p className="notice notice-warn small">{readNote}</p>}
          {data.replies.length === 0 ? (
            <Empty title="No replies yet"><p>Replies from this lead appear here as they arrive.</p></Empty>
          ) : (
            <ul className="replies">
              {data.replies.map((r, i) => (
                <li key={r.reply_id ?? r.id ?? i} className="reply">
                  <p>{r.text ?? r.reply_text}</p>
                  <div className="badges">
                    <span className="muted small">{formatDateTime(r.received_at ?? r.date)}</span>
                    <LabelBadge kind="sentiment" value={r.sentiment} />
                    <LabelBadge kind="intent" value={r.intent} />
                  </div>
                  <ReplyLabelControls key={r.reply_id ?? i} reply={r} onChange={(changed) => setData((d) => d && {
                    ...d, replies: d.replies.map((x) => (x.reply_id === changed.reply_id ? changed : x)),
                  })} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
