"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import type { TelegramSession } from "@/lib/types";
import { useApp, usePageTitle } from "./AppContext";
import { READ_ONLY_NOTICE, TelegramConnect } from "./TelegramConnect";
import { Empty, ErrorBox, Spinner, formatDateTime } from "./ui";

const STATUS_TEXT: Record<string, string> = {
  active: "Active — watching replies", revoked: "Revoked in Telegram — reconnect", "flood-wait": "Paused by Telegram (rate limit)",
  flood_wait: "Paused by Telegram (rate limit)", "logged-out": "Logged out", logged_out: "Logged out", pending: "Starting…",
};

/** a session in one of these states is over: nothing left to disconnect, only to connect anew */
const ENDED = new Set(["disconnected", "logged-out", "logged_out", "revoked"]);

export function TelegramSessions() {
  const { api, refreshTelegram, telegramConnected } = useApp();
  usePageTitle("Telegram");
  const [sessions, setSessions] = useState<TelegramSession[] | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [connect, setConnect] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const a = await api.request<{ sessions: TelegramSession[] } | TelegramSession[]>("outreach", "/api/outreach/telegram/sessions", { what: "the session list" });
      setSessions(Array.isArray(a) ? a : a?.sessions ?? []);
      setMissing(false);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) setMissing(true);
      else setError(messageOf(e));
    }
  }, [api]);

  useEffect(() => { load(); }, [load]);

  const disconnect = async (id: string) => {
    if (!window.confirm("Disconnect this Telegram session? Replies will no longer be watched.")) return;
    setBusy(id);
    try {
      await api.request("outreach", "/api/outreach/telegram/disconnect", { method: "POST", body: { session_id: id }, what: "the outreach service" });
      await load();
      refreshTelegram();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="narrow-wide">
      <h1 className="page-title">Telegram</h1>
      <section className="card">
        <p>{READ_ONLY_NOTICE}</p>
        <p className="muted small">You still send every first message yourself, from your own Telegram app.</p>
        <button type="button" className="btn btn-primary" onClick={() => setConnect(true)}>Connect Telegram</button>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <div className="card-head"><h2 id="sessions-title">Connected sessions</h2></div>
        {error && <ErrorBox message={error} onRetry={load} />}
        {!error && missing && (
          <Empty title="The session list is not available yet">
            <p>This server does not list sessions yet. You can still connect Telegram above.</p>
          </Empty>
        )}
        {!error && !missing && sessions === null && <Spinner />}
        {!error && sessions && sessions.length === 0 && (
          <Empty title="No Telegram session connected">
            <p>Click “Connect Telegram” and scan the QR code with your phone so replies can be noticed.</p>
          </Empty>
        )}
        {sessions && sessions.length > 0 && (
          <ul className="sessions">
            {sessions.map((x) => (
              <li key={x.session_id} className="session">
                <div>
                  <strong>{x.username ? `@${x.username}` : "Your Telegram account"}</strong>
                  <span className={`badge ${x.status === "active" ? "badge-good" : x.status === "revoked" ? "badge-bad" : "badge-warn"}`}>{STATUS_TEXT[x.status] ?? x.status}</span>
                  {x.simulated && <span className="badge badge-muted">simulated</span>}
                  <div className="muted small">
                    {x.connected_at && `Connected ${formatDateTime(x.connected_at)}`}
                    {x.is_active && x.is_monitoring === false && " · not watching replies right now"}
                    {x.disconnected_at && ` · disconnected ${formatDateTime(x.disconnected_at)}`}
                    {x.status_reason && ` · ${x.status_reason}`}
                  </div>
                </div>
                <div className="actions">
                  {x.status !== "active" && <button type="button" className="btn btn-small" onClick={() => setConnect(true)}>Reconnect</button>}
                  {!ENDED.has(x.status) && <button type="button" className="btn btn-small btn-danger" disabled={busy === x.session_id} onClick={() => disconnect(x.session_id)}>
                    {busy === x.session_id ? "Disconnecting…" : "Disconnect"}
                  </button>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {connect && <TelegramConnect onClose={() => { setConnect(false); load(); refreshTelegram(); }} onConnected={() => { load(); telegramConnected(); }} />}
    </div>
  );
}
