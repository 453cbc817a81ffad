"use client";

import { useEffect, useState } from "react";
import { describeGeneratorStatus, type GeneratorStatusAnswer, type GeneratorStatusView } from "@/lib/generatorStatus";
import { useApp } from "./AppContext";

/** One line next to the generator: whether Claude writes the message or only the template is available. */
export function GeneratorStatus() {
  const { api } = useApp();
  const [view, setView] = useState<GeneratorStatusView | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.request<GeneratorStatusAnswer>("generator", "/api/generator/status", { what: "the message generator" })
      .then((a) => { if (!cancelled) setView(describeGeneratorStatus(a ?? null)); })
      .catch(() => { if (!cancelled) setView(describeGeneratorStatus(null)); });
    return () => { cancelled = true; };
  }, [api]);

  if (!view) return null;
  const cls = view.tone === "warn" ? "notice notice-warn small" : view.tone === "ok" ? "small ok" : "small muted";
  return <p className={cls} role="status" data-testid="generator-status">{view.text}</p>;
}
