// The QR login as a state machine, free of timers and fetch so it can be tested: the component feeds it the
// answers of qr-start / qr-check / qr-password and follows `nextPollMs`.

import { ApiError } from "./api";

export const POLL_MS = 2000;

/** A 410 problem from the login service (the login is over: login_status expired / failed) as a check answer. */
export function endedLogin(e: unknown): CheckAnswer | null {
  if (!(e instanceof ApiError) || e.status !== 410 || !e.body || typeof e.body.login_status !== "string") return null;
  return {
    status: e.body.login_status,
    message: typeof e.body.detail === "string" ? e.body.detail : undefined,
    attempts_left: typeof e.body.attempts_left === "number" ? e.body.attempts_left : undefined,
    simulated: e.body.simulated === true ? true : undefined,
  };
}

export type QrPhase = "idle" | "starting" | "scan" | "password" | "submitting" | "connected" | "expired" | "failed" | "error";

export interface QrState {
  phase: QrPhase;
  token: string | null;
  qrCode: string | null; // data URL
  qrVersion: number | null;
  rotations: number; // how often the code was replaced while waiting
  expiresAt: number | null; // epoch ms
  message: string | null;
  passwordHint: string | null;
  attemptsLeft: number | null;
  passwordError: string | null;
  sessionId: string | null;
  simulated: boolean;
}

export const initialQr: QrState = {
  phase: "idle", token: null, qrCode: null, qrVersion: null, rotations: 0, expiresAt: null, message: null,
  passwordHint: null, attemptsLeft: null, passwordError: null, sessionId: null, simulated: false,
};

export interface CheckAnswer {
  status: "pending" | "password_required" | "authorized" | "expired" | "failed" | string;
  message?: string;
  qr_code?: string;
  qr_version?: number;
  password_hint?: string;
  attempts_left?: number;
  session_id?: string;
  simulated?: boolean;
}

export type QrEvent =
  | { type: "start" }
  | { type: "started"; token: string; qrCode: string; expiresIn: number; simulated?: boolean; now: number }
  | { type: "check"; answer: CheckAnswer; now: number }
  | { type: "submit_password" }
  | { type: "password_wrong"; message: string; attemptsLeft?: number }
  | { type: "error"; message: string; status?: number }
  | { type: "tick"; now: number }
  | { type: "reset" };

export function qrReducer(s: QrState, e: QrEvent): QrState {
  switch (e.type) {
    case "start":
      return { ...initialQr, phase: "starting" };
    case "started":
      return {
        ...initialQr, phase: "scan", token: e.token, qrCode: e.qrCode, qrVersion: null,
        expiresAt: e.now + Math.max(0, e.expiresIn) * 1000, simulated: !!e.simulated,
        message: "Waiting for you to scan the code…",
      };
    case "check": {
      if (s.phase === "idle" || s.phase === "connected" || s.phase === "expired" || s.phase === "failed") return s;
      const a = e.answer;
      const simulated = s.simulated || !!a.simulated;
      switch (a.status) {
        case "pending": {
          const newCode = a.qr_code && a.qr_code !== s.qrCode;
          const rotated = newCode && s.qrCode !== null;
          return {
            ...s, phase: s.phase === "submitting" ? "submitting" : "scan", simulated,
            qrCode: newCode ? a.qr_code! : s.qrCode,
            qrVersion: a.qr_version ?? s.qrVersion,
            rotations: s.rotations + (rotated ? 1 : 0),
            message: a.message ?? s.message,
          };
        }
        case "password_required":
          return {
            ...s, phase: "password", simulated, message: a.message ?? "Enter your Telegram two-step verification password.",
            passwordHint: a.password_hint ?? s.passwordHint, attemptsLeft: a.attempts_left ?? s.attemptsLeft,
          };
        case "authorized":
          return { ...s, phase: "connected", simulated, sessionId: a.session_id ?? null, message: a.message ?? "Telegram connected." };
        case "expired":
          return { ...s, phase: "expired", simulated, message: a.message ?? "The QR code expired." };
        case "failed":
          return { ...s, phase: "failed", simulated, message: a.message ?? "The login failed." };
        default:
          return { ...s, phase: "error", message: `Unexpected login status "${a.status}".` };
      }
    }
    case "submit_password":
      return s.phase === "password" ? { ...s, phase: "submitting", passwordError: null } : s;
    case "password_wrong":
      // the refusal's message says how many attempts are left; a stale count from before must not contradict it
      return { ...s, phase: "password", passwordError: e.message, attemptsLeft: e.attemptsLeft ?? null };
    case "error":
      if (e.status === 410) return { ...s, phase: "expired", message: e.message };
      if (s.phase === "submitting") return { ...s, phase: "password", passwordError: e.message };
      return { ...s, phase: "error", message: e.message };
    case "tick":
      if ((s.phase === "scan") && s.expiresAt !== null && e.now >= s.expiresAt) {
        return { ...s, phase: "expired", message: "The QR code expired before it was scanned." };
      }
      return s;
    case "reset":
      return initialQr;
  }
}

/** Whether to poll qr-check again, and after how long; null = stop. */
export function nextPollMs(s: QrState): number | null {
  return s.phase === "scan" || s.phase === "password" || s.phase === "submitting" ? POLL_MS : null;
}

export function secondsLeft(s: QrState, now: number): number | null {
  if (s.expiresAt === null) return null;
  return Math.max(0, Math.ceil((s.expiresAt - now) / 1000));
}
