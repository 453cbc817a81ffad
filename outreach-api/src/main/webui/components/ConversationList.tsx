"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import { followEvents, type StreamStatus } from "@/lib/sse";
import type { Conversation, ConversationsAnswer } from "@/lib/types";
import { useApp } from "./AppContext";
import { Empty, ErrorBox, LabelBadge, Spinner, timeAgo } from "./ui";

export interface ConversationsState {
  conversations: Conversation[] | null; // null = not loaded or endpoint missing
  totalUnread: number;
  error: string | null;
  missing: boolean; // the endpoint is not on this server yet
  loading: boolean;
  live: StreamStatus;
  flash: string | null; // id of the conversation that just got a reply
  reload: () => void;
}

/** The conversation list, kept current by the SSE stream (reply events trigger a reload). */
export function useConversations(unreadOnly: boolean): ConversationsState {
  const { api, cfg, token } = useApp();
  const [data, setData] = useState<ConversationsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState<StreamStatus>("connecting");
  const [flash, setFlash] = useState<string | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api.request<ConversationsAnswer>("outreach",
        `/api/outreach/conversations${unreadOnly ? "?unread_only=true" : ""}`, { what: "the conversation list" });
      setData({ conversations: d?.conversations ?? [], total_unread: d?.total_unread ?? 0 });
      setMissing(false);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        setMissing(true);
        setError(null);
      } else {
        setError(messageOf(e));
      }
    } finally {
      setLoading(false);
    }
  }, [api, unreadOnly]);

  useEffect(() => {
    load();
  }, [load]);

  // a slow refresh besides the live stream: events published before this replica's live consumer had its
  // partitions (right after a start) never reach the stream, but they are in the graph
  useEffect(() => {
    const timer = setInterval(() => { load(); }, 10_000);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    const handle = followEvents(`${cfg.outreachApi}/api/outreach/events`, token, (ev) => {
      let conversationId: string | null = null;
      try {
        const body = JSON.parse(ev.data) as { conversation_id?: string };
        conversationId = body.conversation_id ?? null;
      } catch {
        /* not JSON: reload anyway */
      }
      if (ev.event === "ping" || ev.event === "heartbeat" || ev.event === "ready") return;
      if (conversationId) {
        setFlash(conversationId);
        setTimeout(() => setFlash((f) => (f === conversationId ? null : f)), 4000);
      }
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(load, 250);
    }, (s) => setLive(s));
    return () => handle.close();
  }, [cfg.outreachApi, token, load]);

  return {
    conversations: missing ? null : data?.conversations ?? null,
    totalUnread: data?.total_unread ?? 0,
    error, missing, loading, live, flash, reload: load,
  };
}

const LIVE_LABEL: Record<StreamStatus, string> = {
  connecting: "connecting…", live: "live", reconnecting: "reconnecting…", unavailable: "live updates not available",
};

export function ConversationList({ state, unreadOnly, onUnreadOnly }: {
  state: ConversationsState; unreadOnly: boolean; onUnreadOnly: (v: boolean) => void;
}) {
  const { conversations, totalUnread, error, missing, loading, live, flash, reload } = state;
  return (
    <section className="card replies-card" aria-labelledby="conv-title">
      <div className="card-head">
        <h2 id="conv-title">
          Replies {totalUnread > 0 && <span className="count-pill" data-testid="total-unread" aria-label={`${totalUnread} unread`}>{totalUnread}</span>}
        </h2>
        <span className={`live live-${live}`} title="Updates arrive without reloading">{LIVE_LABEL[live]}</span>
      </div>
      <label className="check small">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => onUnreadOnly(e.target.checked)} /> Unread only
      </label>
      {error && <ErrorBox title="Replies could not be loaded" message={error} onRetry={reload} />}
      {!error && missing && (
        <Empty title="Reply tracking is not available yet">
          <p>This server does not offer the conversation list yet. Replies will appear here once reply monitoring is switched on.</p>
        </Empty>
      )}
      {!error && !missing && loading && !conversations && <Spinner label="Loading replies…" />}
      {!error && conversations && conversations.length === 0 && (
        <Empty title={unreadOnly ? "No unread replies" : "No conversations yet"}>
          <p>{unreadOnly ? "You are all caught up." : "Send a first message from the queue and mark it as sent; with Telegram connected, replies show up here as they arrive."}</p>
        </Empty>
      )}
      {!error && conversations && conversations.length > 0 && (
        <ul className="conversations">
          {conversations.map((c) => (
            <li key={c.conversation_id} className={`conversation${c.unread_count > 0 ? " unread" : ""}${flash === c.conversation_id ? " flash" : ""}`}>
              <Link href={`/conversation/?id=${encodeURIComponent(c.conversation_id)}${c.contact?.name ? `&name=${encodeURIComponent(c.contact.name)}` : ""}${c.contact?.id ? `&contact=${encodeURIComponent(c.contact.id)}` : ""}`} className="conversation-link">
                <div className="conversation-top">
                  <span className="conversation-name">{c.contact?.name || "A lead"}</span>
                  {c.unread_count > 0 && <span className="count-pill" aria-label={`${c.unread_count} unread`}>{c.unread_count}</span>}
                  <span className="muted small conversation-time">{timeAgo(c.last_reply_at)}</span>
                </div>
                <p className="conversation-preview">{c.last_reply_preview || <span className="muted">No reply yet — waiting.</span>}</p>
                <div className="badges">
                  <LabelBadge kind="sentiment" value={c.sentiment} />
                  <LabelBadge kind="intent" value={c.intent} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
