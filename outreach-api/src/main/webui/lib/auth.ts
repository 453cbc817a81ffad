// The Mission Deck JWT. Mission Deck hands it over in the URL fragment (#access_token=...), which never
// reaches a server log; locally the dev sign-in screen takes a pasted token. Kept in sessionStorage (per tab).

const KEY = "outreach.token";

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
      history.replaceState(null, "", window.location.pathname + window.location.search);
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
