// The Mission Deck JWT. Mission Deck hands it over in the URL fragment (#access_token=...), which never
// reaches a server log; locally the dev sign-in screen takes a pasted token. Kept in sessionStorage (per tab).
//
// A new tab of the same origin (a lead opened with Ctrl+click, a link pasted into a new tab) starts with an
// empty sessionStorage. It asks the tabs that are open right now over a BroadcastChannel; one of them that holds
// a token that has not expired answers with it. Why this and not localStorage: the token is never written where
// it outlives the browser session (no disk copy after the tabs are closed), a BroadcastChannel only reaches
// pages of this exact origin, and a tab answers only while it is signed in. Script running on this origin could
// already read sessionStorage, so the channel exposes nothing new to it. Signing out in one tab signs out all.

const KEY = "outreach.token";
const CHANNEL = "outreach.auth";

export interface TokenInfo {
  subject: string | null;
  expiresAt: number | null; // epoch ms
}

export function decodeToken(token: string): TokenInfo | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const b64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = b64 + "=".repeat((4 - (b64.length % 4)) % 4);
    const json = JSON.parse(atob(padded)) as { sub?: unknown; upn?: unknown; exp?: unknown };
    const subject = typeof json.sub === "string" ? json.sub : typeof json.upn === "string" ? json.upn : null;
    const expiresAt = typeof json.exp === "number" ? json.exp * 1000 : null;
    return { subject, expiresAt };
  } catch {
    return null;
  }
}

/** Why a pasted token cannot be used, or null when it looks fine (the server still verifies it). */
export function tokenProblem(token: string, now = Date.now()): string | null {
  const t = token.trim();
  if (t === "") return "Paste a token first.";
  const info = decodeToken(t);
  if (!info) return "This does not look like a JWT (three base64url parts separated by dots).";
  if (info.expiresAt !== null && info.expiresAt <= now) return "This token has expired; make a new one.";
  return null;
}

export function getToken(): string | null {
  if (typeof window === "undefined") return null;
  try {
    const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("access_token");
    if (fromHash) {
      window.sessionStorage.setItem(KEY, fromHash);
      // drop the token from the address bar, keeping the router's state of this entry: with a null state the
      // router ignores Back/Forward to this entry and the page no longer follows the address
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      return fromHash;
    }
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  window.sessionStorage.setItem(KEY, token.trim());
}

export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable */
  }
}

type AuthMessage = { type: "need-token" } | { type: "token"; token: string } | { type: "signed-out" };

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
}

/** Asks the other open tabs for their token; resolves null when none answers within timeoutMs. */
export function askOtherTabs(timeoutMs = 500): Promise<string | null> {
  const ch = channel();
  if (!ch) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (token: string | null) => {
      clearTimeout(timer);
      ch.close();
      resolve(token);
    };
    ch.onmessage = (e: MessageEvent<AuthMessage>) => {
      const m = e.data;
      if (m?.type === "token" && typeof m.token === "string" && tokenProblem(m.token) === null) {
        setToken(m.token);
        done(m.token.trim());
      }
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    ch.postMessage({ type: "need-token" } satisfies AuthMessage);
  });
}

/** While this tab is signed in: answers other tabs' requests and follows a sign-out in another tab. */
export function shareToken(onSignedOutElsewhere: () => void): () => void {
  const ch = channel();
  if (!ch) return () => {};
  ch.onmessage = (e: MessageEvent<AuthMessage>) => {
    if (e.data?.type === "need-token") {
      const token = window.sessionStorage.getItem(KEY);
      if (token && tokenProblem(token) === null) ch.postMessage({ type: "token", token } satisfies AuthMessage);
    } else if (e.data?.type === "signed-out") {
      onSignedOutElsewhere();
    }
  };
  return () => ch.close();
}

export function announceSignOut(): void {
  const ch = channel();
  if (!ch) return;
  ch.postMessage({ type: "signed-out" } satisfies AuthMessage);
  ch.close();
}
