"use client";

import { useEffect, useState } from "react";
import { setToken, tokenProblem } from "@/lib/auth";
import type { UiConfig } from "@/lib/config";

export function SignIn({ cfg, expired, onSignedIn }: { cfg: UiConfig; expired: boolean; onSignedIn: (token: string) => void }) {
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => { document.title = "Sign in · Outreach"; }, []);

  if (!cfg.devSignIn) {
    return (
      <main className="page narrow" id="main">
        <div className="card signin">
          <h1>Outreach</h1>
          {expired && <p className="notice notice-warn">Your sign-in has expired.</p>}
          <p>Open the outreach mission from Mission Deck to sign in. This page needs your Mission Deck session.</p>
        </div>
      </main>
    );
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const p = tokenProblem(value);
    setProblem(p);
    if (p) return;
    setToken(value);
    onSignedIn(value.trim());
  };

  return (
    <main className="page narrow" id="main">
      <form className="card signin" onSubmit={submit}>
        <h1>Sign in (local development)</h1>
        {expired && <p className="notice notice-warn">Your token was refused or has expired. Paste a new one.</p>}
        <p>
          This screen exists only on the local stack. Make a token with
          <code className="block">deploy/local/token alice</code>
          and paste it here. In production, Mission Deck signs you in.
        </p>
        <label htmlFor="token">Mission Deck token (JWT)</label>
        <textarea id="token" name="token" rows={5} value={value} onChange={(e) => setValue(e.target.value)}
                  spellCheck={false} autoComplete="off" placeholder="eyJhbGciOiJSUzI1NiIs…" />
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <button type="submit" className="btn btn-primary">Sign in</button>
      </form>
    </main>
  );
}
