"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiClient } from "@/lib/api";
import { announceSignOut, askOtherTabs, clearToken, decodeToken, getToken, shareToken } from "@/lib/auth";
import { loadConfig, type UiConfig } from "@/lib/config";
import type { TelegramSession } from "@/lib/types";
import { AppContext, type TelegramState } from "./AppContext";
import { SignIn } from "./SignIn";
import { TelegramConnect } from "./TelegramConnect";
import { Spinner } from "./ui";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/analytics/", label: "Analytics" },
  { href: "/import/", label: "Import" },
  { href: "/telegram/", label: "Telegram" },
];

export function AppShell({ children }: { children: ReactNode }) {
  const [cfg, setCfg] = useState<UiConfig | null>(null);
  const [token, setTokenState] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [expired, setExpired] = useState(false);
  const [connectOpen, setConnectOpen] = useState(false);
  const [telegram, setTelegram] = useState<TelegramState>("unknown");
  const pathname = usePathname();

  useEffect(() => {
    let cancelled = false;
    // a tab opened on its own (Ctrl+click, a pasted link) borrows the token of a signed-in tab of this origin
    const own = getToken();
    Promise.all([own ? Promise.resolve(own) : askOtherTabs(), loadConfig()]).then(([t, c]) => {
      if (cancelled) return;
      setTokenState(t);
      setCfg(c);
      setReady(true);
    });
    return () => { cancelled = true; };
  }, []);

  useEffect(() => {
    if (!token) return;
    return shareToken(() => { clearToken(); setTokenState(null); });
  }, [token]);

  const signOut = useCallback(() => {
    clearToken();
    announceSignOut();
    setTokenState(null);
  }, []);

  const api = useMemo(() => (cfg ? new ApiClient(cfg, undefined, getToken, () => {
    clearToken();
    setExpired(true);
    setTokenState(null);
  }) : null), [cfg]);

  const refreshTelegram = useCallback(async () => {
    if (!api) return;
    try {
      const a = await api.request<{ sessions: TelegramSession[] } | TelegramSession[]>("outreach", "/api/outreach/telegram/sessions", { what: "the session list" });
      const sessions = Array.isArray(a) ? a : a?.sessions ?? [];
      setTelegram(sessions.some((x) => x.status === "active") ? "connected" : "not-connected");
    } catch {
      setTelegram("unknown");
    }
  }, [api]);

  useEffect(() => {
    if (!token || !api) return;
    refreshTelegram();
    const t = setInterval(refreshTelegram, 60_000);
    return () => clearInterval(t);
  }, [token, api, refreshTelegram]);

  // right after a login the session turns active within seconds (reply-monitor starts it): look more often
  const [justConnected, setJustConnected] = useState(0);
  useEffect(() => {
    if (!justConnected || telegram === "connected") return;
    let tries = 0;
    const t = setInterval(() => {
      if (++tries > 30) { clearInterval(t); return; }
      refreshTelegram();
    }, 2000);
    return () => clearInterval(t);
  }, [justConnected, telegram, refreshTelegram]);
  const telegramConnected = useCallback(() => { refreshTelegram(); setJustConnected(Date.now()); }, [refreshTelegram]);

  useRouteFocus(pathname);

  // the header's Connect button turns into "Telegram connected" once the session is active: focus that was on the
  // button moves to the new link instead of dropping to the page
  const connectFocused = useRef(false);
  const statusRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (telegram !== "connected" || !connectFocused.current) return;
    connectFocused.current = false;
    if (!document.activeElement || document.activeElement === document.body) statusRef.current?.focus();
  }, [telegram]);

  if (!ready || !cfg || !api) {
    return <main className="page" id="main"><Spinner label="Starting…" /></main>;
  }
  if (!token) {
    return <SignIn cfg={cfg} expired={expired} onSignedIn={(t) => { setExpired(false); setTokenState(t); }} />;
  }
  const subject = decodeToken(token)?.subject ?? null;
  const openTelegramConnect = () => setConnectOpen(true);
  return (
    <AppContext.Provider value={{ cfg, api, token, subject, signOut, openTelegramConnect, telegram, refreshTelegram, telegramConnected }}>
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand">Outreach <span>Mission Deck</span></Link>
          <nav aria-label="Main">
            {NAV.map((n) => (
              <Link key={n.href} href={n.href} className={isActive(pathname, n.href) ? "nav-link active" : "nav-link"}
                    aria-current={isActive(pathname, n.href) ? "page" : undefined}>{n.label}</Link>
            ))}
          </nav>
          <div className="topbar-right">
            {telegram === "connected" ? (
              <Link href="/telegram/" className="tg-status tg-on" data-testid="tg-status" ref={statusRef}>Telegram connected</Link>
            ) : (
              <>
                {telegram === "not-connected" && <span className="tg-status tg-off" data-testid="tg-status">Telegram not connected</span>}
                <button type="button" className="btn btn-small btn-primary connect-btn" onClick={openTelegramConnect}
                        onFocus={() => { connectFocused.current = true; }} onBlur={() => { connectFocused.current = false; }}>Connect Telegram</button>
              </>
            )}
            <span className="whoami" title="Signed in as">{subject ?? "signed in"}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={signOut}>Sign out</button>
          </div>
        </div>
      </header>
      <main className="page" id="main" tabIndex={-1}>{children}</main>
      {connectOpen && <TelegramConnect onClose={() => { setConnectOpen(false); refreshTelegram(); }} onConnected={telegramConnected} />}
    </AppContext.Provider>
  );
}

/**
 * After a route change (not the first load) focus goes to the new page's heading, so keyboard and screen-reader
 * users start at the top of what changed instead of on the body; the heading may render once data arrives.
 */
function useRouteFocus(pathname: string | null) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    const main = document.getElementById("main");
    if (!main) return;
    const focusHeading = () => {
      const h1 = main.querySelector<HTMLElement>("h1");
      if (!h1) return false;
      if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
      h1.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    main.focus({ preventScroll: true });
    const obs = new MutationObserver(() => {
      if (document.activeElement === main && focusHeading()) obs.disconnect();
    });
    obs.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => obs.disconnect(), 5000);
    return () => { obs.disconnect(); clearTimeout(stop); };
  }, [pathname]);
}

function isActive(pathname: string | null, href: string): boolean {
  const p = pathname ?? "/";
  if (href === "/") return p === "/" || p.startsWith("/contact") || p.startsWith("/conversation");
  return p.startsWith(href.replace(/\/$/, ""));
}
