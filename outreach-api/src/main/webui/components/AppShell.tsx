"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiClient } from "@/lib/api";
import { clearToken, decodeToken, getToken } from "@/lib/auth";
import { loadConfig, type UiConfig } from "@/lib/config";
import { AppContext } from "./AppContext";
import { SignIn } from "./SignIn";
import { TelegramConnect } from "./TelegramConnect";
import { Spinner } from "./ui";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/import/", label: "Import" },
  { href: "/telegram/", label: "Telegram" },
];

export function AppShell({ children }: { children: ReactNode }) {
  const [cfg, setCfg] = useState<UiConfig | null>(null);
  const [token, setTokenState] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [expired, setExpired] = useState(false);
  const [connectOpen, setConnectOpen] = useState(false);
  const pathname = usePathname();

  useEffect(() => {
    setTokenState(getToken());
    loadConfig().then((c) => {
      setCfg(c);
      setReady(true);
    });
  }, []);

  const signOut = useCallback(() => {
    clearToken();
    setTokenState(null);
  }, []);

  const api = useMemo(() => (cfg ? new ApiClient(cfg, undefined, getToken, () => {
    clearToken();
    setExpired(true);
    setTokenState(null);
  }) : null), [cfg]);

  if (!ready || !cfg || !api) {
    return <main className="page"><Spinner label="Starting…" /></main>;
  }
  if (!token) {
    return <SignIn cfg={cfg} expired={expired} onSignedIn={(t) => { setExpired(false); setTokenState(t); }} />;
  }
  const subject = decodeToken(token)?.subject ?? null;
  return (
    <AppContext.Provider value={{ cfg, api, token, subject, signOut, openTelegramConnect: () => setConnectOpen(true) }}>
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
            <button type="button" className="btn btn-small btn-primary connect-btn" onClick={() => setConnectOpen(true)}>Connect Telegram</button>
            <span className="whoami" title="Signed in as">{subject ?? "signed in"}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={signOut}>Sign out</button>
          </div>
        </div>
      </header>
      <main className="page">{children}</main>
      {connectOpen && <TelegramConnect onClose={() => setConnectOpen(false)} />}
    </AppContext.Provider>
  );
}

function isActive(pathname: string | null, href: string): boolean {
  const p = pathname ?? "/";
  if (href === "/") return p === "/" || p.startsWith("/contact") || p.startsWith("/conversation");
  return p.startsWith(href.replace(/\/$/, ""));
}
