"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "@/lib/api";
import type { Connection, ConnectionsAnswer } from "@/lib/types";
import { useApp } from "./AppContext";

function why(c: Connection): string {
  const replies = c.reply_count > 0 ? `${c.reply_count} ${c.reply_count === 1 ? "reply" : "replies"} between them` : "";
  const chats = c.shared_chats.length > 0 ? `both in ${c.shared_chats.slice(0, 3).join(", ")}${c.shared_chat_count > 3 ? ` and ${c.shared_chat_count - 3} more` : ""}` : "";
  return [replies, chats].filter(Boolean).join(" · ");
}

/** "Who on our team can introduce me": the lead's connections from the imported chat history. */
export function ContactConnections({ contactId }: { contactId: string }) {
  const { api } = useApp();
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const a = await api.request<ConnectionsAnswer>("outreach",
        `/api/outreach/contacts/${encodeURIComponent(contactId)}/connections?limit=10`, { what: "the outreach service" });
      setConnections(a.connections);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, contactId]);

  useEffect(() => { load(); }, [load]);

  return (
    <>
      <h2 className="sub">Who knows them</h2>
      {error && <p className="small" role="alert">The connections could not be loaded: {error}</p>}
      {!error && connections === null && <p className="muted small">Loading the connections…</p>}
      {connections?.length === 0 && <p className="muted">Nobody we know shares a chat with this lead yet (import a Telegram export to find out).</p>}
      {connections && connections.length > 0 && (
        <ul className="snippets">
          {connections.map((c) => (
            <li key={`${c.kind}-${c.id ?? c.name}`}>
              {c.kind === "team_member"
                ? <strong>{c.name} (our team)</strong>
                : <Link href={`/contact/?id=${encodeURIComponent(c.id ?? "")}`}>{c.name}</Link>}
              <span className="muted small"> — {why(c)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
