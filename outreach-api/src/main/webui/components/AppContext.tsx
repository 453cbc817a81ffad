"use client";

import { createContext, useContext } from "react";
import type { ApiClient } from "@/lib/api";
import type { UiConfig } from "@/lib/config";

export interface AppCtx {
  cfg: UiConfig;
  api: ApiClient;
  token: string;
  subject: string | null;
  signOut: () => void;
  openTelegramConnect: () => void;
}

export const AppContext = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp outside AppShell");
  return ctx;
}
