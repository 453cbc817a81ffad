// Runtime configuration: where the four backends live and whether the dev-only sign-in is offered.
// outreach-api serves /config.json (static defaults) and adds X-Outreach-Ui-* response headers from its
// application.properties (outreach.ui.*), so the same build runs locally and behind the production Ingress.

export interface UiConfig {
  /** base URL for /api/outreach/* (except the QR login); "" = same origin */
  outreachApi: string;
  /** base URL for /api/leads/* (lead-ingest) */
  leadsApi: string;
  /** base URL for /api/outreach/telegram/qr-* (telegram-auth-service) */
  telegramApi: string;
  /** base URL for /api/generator/status (message-generator: Claude or templates only) */
  generatorApi: string;
  /** whether the paste-a-token sign-in screen is shown (local stack only) */
  devSignIn: boolean;
}

export const DEFAULT_CONFIG: UiConfig = {
  outreachApi: "",
  leadsApi: "http://127.0.0.1:8084",
  telegramApi: "http://127.0.0.1:8081",
  generatorApi: "http://127.0.0.1:8083",
  devSignIn: false,
};

/** "same-origin", "" and "/" all mean: the origin that served the UI. Trailing slashes are dropped. */
export function normalizeBase(raw: unknown, fallback: string): string {
  if (typeof raw !== "string") return fallback;
  const value = raw.trim();
  if (value === "" || value === "/" || value.toLowerCase() === "same-origin") return "";
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return fallback;
  return value.replace(/\/+$/, "");
}

function bool(raw: unknown, fallback: boolean): boolean {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "string") {
    if (raw.trim().toLowerCase() === "true") return true;
    if (raw.trim().toLowerCase() === "false") return false;
  }
  return fallback;
}

/** Merges the JSON body of /config.json and then its response headers (headers win: they are runtime config). */
export function parseConfig(body: Record<string, unknown> | null, header: (name: string) => string | null): UiConfig {
  const b = body ?? {};
  let cfg: UiConfig = {
    outreachApi: normalizeBase(b.outreach_api, DEFAULT_CONFIG.outreachApi),
    leadsApi: normalizeBase(b.leads_api, DEFAULT_CONFIG.leadsApi),
    telegramApi: normalizeBase(b.telegram_api, DEFAULT_CONFIG.telegramApi),
    generatorApi: normalizeBase(b.generator_api, DEFAULT_CONFIG.generatorApi),
    devSignIn: bool(b.dev_sign_in, DEFAULT_CONFIG.devSignIn),
  };
  cfg = {
    outreachApi: normalizeBase(header("X-Outreach-Ui-Outreach-Api") ?? undefined, cfg.outreachApi),
    leadsApi: normalizeBase(header("X-Outreach-Ui-Leads-Api") ?? undefined, cfg.leadsApi),
    telegramApi: normalizeBase(header("X-Outreach-Ui-Telegram-Api") ?? undefined, cfg.telegramApi),
    generatorApi: normalizeBase(header("X-Outreach-Ui-Generator-Api") ?? undefined, cfg.generatorApi),
    devSignIn: bool(header("X-Outreach-Ui-Dev-Sign-In") ?? undefined, cfg.devSignIn),
  };
  return cfg;
}

let loaded: Promise<UiConfig> | null = null;

export function loadConfig(): Promise<UiConfig> {
  if (!loaded) {
    loaded = fetch("/config.json", { cache: "no-store" })
      .then(async (res) => {
        let body: Record<string, unknown> | null = null;
        try {
          body = res.ok ? ((await res.json()) as Record<string, unknown>) : null;
        } catch {
          body = null;
        }
        return parseConfig(body, (n) => res.headers.get(n));
      })
      .catch(() => DEFAULT_CONFIG);
  }
  return loaded;
}
