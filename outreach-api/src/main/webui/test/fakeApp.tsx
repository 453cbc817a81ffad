import type { ReactNode } from "react";
import { AppContext, type AppCtx } from "@/components/AppContext";
import { ApiError, type ApiClient } from "@/lib/api";
import { DEFAULT_CONFIG } from "@/lib/config";

export interface Call { path: string; method: string; body?: unknown }

/** An ApiClient stand-in answering by path; records every call. A handler may throw an ApiError. */
export function fakeApi(handlers: Record<string, (c: Call) => unknown>) {
  const calls: Call[] = [];
  const api = {
    async request(_backend: string, path: string, opts: { method?: string; body?: unknown } = {}) {
      const call = { path, method: opts.method ?? "GET", body: opts.body };
      calls.push(call);
      const key = Object.keys(handlers).find((k) => path.includes(k));
      if (!key) throw new ApiError(404, "not_found", "Not found.");
      return handlers[key](call);
    },
  } as unknown as ApiClient;
  return { api, calls };
}

export function withApp(api: ApiClient, children: ReactNode, subject = "alice") {
  const ctx: AppCtx = {
    cfg: DEFAULT_CONFIG, api, token: "t", subject, signOut: () => {}, openTelegramConnect: () => {},
    telegram: "unknown", refreshTelegram: () => {}, telegramConnected: () => {},
  };
  return <AppContext.Provider value={ctx}>{children}</AppContext.Provider>;
}
