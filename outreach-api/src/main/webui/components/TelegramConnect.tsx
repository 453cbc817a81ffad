"use client";

import { useEffect, useReducer, useRef, useState } from "react";
import { ApiError, messageOf } from "@/lib/api";
import { endedLogin, initialQr, nextPollMs, qrReducer, secondsLeft, type CheckAnswer } from "@/lib/qrFlow";
import { useApp } from "./AppContext";
import { useDialog } from "./useDialog";

export const READ_ONLY_NOTICE = "This app reads your Telegram through the Telegram API to notice replies from leads you contacted. It never sends messages and never marks messages as read.";

/** The "Connect Telegram" modal: QR (polled every 2 s, rotated codes), 2FA password, expiry, success. */
export function TelegramConnect({ onClose, onConnected }: { onClose: () => void; onConnected?: () => void }) {
  const { api } = useApp();
  const [s, dispatch] = useReducer(qrReducer, initialQr);
  const [password, setPassword] = useState("");
  const [now, setNow] = useState(Date.now());
  const dialogRef = useRef<HTMLDivElement>(null);
  const tokenRef = useRef<string | null>(null);
  tokenRef.current = s.token;

  const start = async () => {
    dispatch({ type: "start" });
    try {
      const a = await api.request<{ qr_code: string; token: string; expires_in: number; simulated?: boolean }>(
        "telegram", "/api/outreach/telegram/qr-start", { method: "POST", what: "the Telegram login service" });
      dispatch({ type: "started", token: a.token, qrCode: a.qr_code, expiresIn: a.expires_in, simulated: a.simulated, now: Date.now() });
    } catch (e) {
      dispatch({ type: "error", message: messageOf(e) });
    }
  };

  useEffect(() => { start(); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // polling: one qr-check every 2 s while the login is open
  const delay = nextPollMs(s);
  useEffect(() => {
    if (delay === null || !s.token) return;
    const token = s.token;
    const t = setTimeout(async () => {
      try {
        const q = s.qrVersion !== null ? `?known_qr_version=${s.qrVersion}` : "";
        const a = await api.request<CheckAnswer>("telegram", `/api/outreach/telegram/qr-check/${encodeURIComponent(token)}${q}`, { what: "the Telegram login service" });
        if (tokenRef.current === token) dispatch({ type: "check", answer: a, now: Date.now() });
      } catch (e) {
        if (tokenRef.current !== token) return;
        const ended = endedLogin(e);
        if (ended) {
          dispatch({ type: "check", answer: ended, now: Date.now() });
        } else if (e instanceof ApiError && e.status === 0) {
          // a network blip: keep polling, show nothing alarming yet
          setNow(Date.now());
        } else {
          dispatch({ type: "error", message: messageOf(e), status: e instanceof ApiError ? e.status : undefined });
        }
      }
    }, delay);
    return () => clearTimeout(t);
  }, [s, delay, api]);

  useEffect(() => {
    const t = setInterval(() => { const n = Date.now(); setNow(n); dispatch({ type: "tick", now: n }); }, 1000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (s.phase === "connected") onConnected?.();
  }, [s.phase, onConnected]);

  // Escape closes; Tab stays in the dialog; focus goes back to the opener on close (set up once, on open)
  useDialog(dialogRef, () => close(),
    () => document.querySelector<HTMLElement>('[data-testid="tg-status"]') ?? document.getElementById("main"));

  const close = () => {
    const token = tokenRef.current;
    if (token && s.phase !== "connected" && s.phase !== "expired" && s.phase !== "failed") {
      api.request("telegram", `/api/outreach/telegram/qr/${encodeURIComponent(token)}`, { method: "DELETE" }).catch(() => {});
    }
    onClose();
  };

  const submitPassword = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!s.token || password === "") return;
    dispatch({ type: "submit_password" });
    try {
      const a = await api.request<CheckAnswer>("telegram", `/api/outreach/telegram/qr-password/${encodeURIComponent(s.token)}`,
        { method: "POST", body: { password }, what: "the Telegram login service" });
      setPassword("");
      dispatch({ type: "check", answer: a, now: Date.now() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const left = typeof err.body?.attempts_left === "number" ? err.body.attempts_left : undefined;
        dispatch({ type: "password_wrong", message: err.message, attemptsLeft: left });
      } else if (endedLogin(err)) {
        dispatch({ type: "check", answer: endedLogin(err)!, now: Date.now() });
      } else {
        dispatch({ type: "error", message: messageOf(err), status: err instanceof ApiError ? err.status : undefined });
      }
    }
  };

  const left = secondsLeft(s, now);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="tg-title" tabIndex={-1} ref={dialogRef}>
        <div className="modal-head">
          <h2 id="tg-title">Connect Telegram</h2>
          <button type="button" className="btn btn-ghost btn-small" onClick={close} aria-label="Close">✕</button>
        </div>
        <p className="notice notice-info small" data-testid="read-only-notice">{READ_ONLY_NOTICE}</p>
        {s.simulated && <p className="badge badge-warn">Simulated Telegram (test mode)</p>}

        {s.phase === "starting" && <div className="qr-box"><div className="qr-placeholder"><span className="spinner" /> Preparing a QR code…</div></div>}

        {s.phase === "scan" && (
          <div className="qr-step" data-testid="qr-step">
            <ol className="steps">
              <li>Open Telegram on your phone.</li>
              <li>Go to <strong>Settings → Devices → Link Desktop Device</strong>.</li>
              <li>Point your phone at this code.</li>
            </ol>
            <div className="qr-box">
              {s.qrCode && <img src={s.qrCode} alt="QR code to scan with Telegram" className="qr" width={220} height={220} />}
            </div>
            <p className="muted small" role="status" aria-live="polite">
              {s.message ?? "Waiting for the scan…"}
              {s.rotations > 0 && ` The code was refreshed ${s.rotations === 1 ? "once" : `${s.rotations} times`} — scan the one shown now.`}
              {left !== null && ` Expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}.`}
            </p>
          </div>
        )}

        {(s.phase === "password" || s.phase === "submitting") && (
          <form className="password-step" onSubmit={submitPassword} data-testid="password-step">
            <p>{s.message ?? "Your account has two-step verification. Enter your Telegram password."}</p>
            <label htmlFor="tg-password">Telegram password{s.passwordHint ? <span className="muted"> (hint: {s.passwordHint})</span> : null}</label>
            <input id="tg-password" type="password" autoComplete="current-password" value={password} autoFocus
                   onChange={(e) => setPassword(e.target.value)} disabled={s.phase === "submitting"} />
            {s.passwordError && <p className="field-error" role="alert">{s.passwordError}</p>}
            {s.attemptsLeft !== null && !s.passwordError && <p className="muted small">{s.attemptsLeft} attempt{s.attemptsLeft === 1 ? "" : "s"} left.</p>}
            <button type="submit" className="btn btn-primary" disabled={s.phase === "submitting" || password === ""}>
              {s.phase === "submitting" ? "Checking…" : "Continue"}
            </button>
          </form>
        )}

        {s.phase === "connected" && (
          <div className="notice notice-ok" role="status" data-testid="tg-connected">
            <strong>Telegram connected.</strong>
            <p>{s.message} Replies from your leads will now appear on the dashboard.</p>
            <button type="button" className="btn btn-primary" onClick={onClose}>Done</button>
          </div>
        )}

        {(s.phase === "expired" || s.phase === "failed" || s.phase === "error") && (
          <div className={s.phase === "error" ? "notice notice-error" : "notice notice-warn"} role="alert" data-testid="tg-retry">
            <strong>{s.phase === "expired" ? "The QR code expired." : s.phase === "failed" ? "The login did not finish." : "Could not connect."}</strong>
            <p>{s.message}</p>
            <button type="button" className="btn btn-primary" onClick={start}>Try again</button>
          </div>
        )}
      </div>
    </div>
  );
}
