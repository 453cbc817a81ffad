"use client";

import { createContext, useContext, useEffect } from "react";
import type { ApiClient } from "@/lib/api";
import type { UiConfig } from "@/lib/config";

export type TelegramState = "unknown" | "connected" | "not-connected";

export interface AppCtx {
  cfg: UiConfig;
  api: ApiClient;
  token: string;
  subject: string | null;
  signOut: () => void;
  openTelegramConnect: () => void;
  /** whether one of the member's Telegram sessions is active (shown in the header) */
  telegram: TelegramState;
  refreshTelegram: () => void;
  /** a login just finished: the header looks again every 2 s until the session is active */
  telegramConnected: () => void;
}

export const AppContext = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp outside AppShell");
  return ctx;
}

/** The browser tab's title for this screen ("Import leads · Outreach"). */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Outreach`;
  }, [title]);
}
