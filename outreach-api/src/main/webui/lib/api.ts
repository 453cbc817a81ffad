// One small client for the four backends. Every failure becomes an ApiError with a sentence a person can
// read; the body of an error answer (RFC 9457 problem+json: {type, title, status, detail, code, errors, ...}) is
// kept for screens that need more (claims, login state).

import { getToken } from "./auth";
import type { UiConfig } from "./config";

export type Backend = "outreach" | "leads" | "telegram" | "generator";

export class ApiError extends Error {
  readonly status: number; // 0 = no answer (network, CORS, offline)
  readonly code: string;
  readonly body: Record<string, unknown> | null;
  constructor(status: number, code: string, message: string, body: Record<string, unknown> | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.body = body;
  }
  get unauthorized(): boolean {
    return this.status === 401;
  }
  get notBuiltYet(): boolean {
    return this.status === 404 && this.code === "not_found";
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: "The request was not accepted",
  401: "Your sign-in is missing or has expired — sign in again",
  403: "You are not allowed to do this",
  404: "Not found",
  409: "Someone else is working on this",
  410: "This has expired",
  413: "The file is too large",
  415: "The server did not accept this kind of content",
  422: "The input was not accepted",
  429: "Too many requests — wait a moment and try again",
  500: "The server had an internal error",
  502: "A service behind this one failed",
  503: "The service is unavailable right now — try again shortly",
  504: "The service took too long to answer",
};

function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Turns an HTTP answer that is not 2xx into an ApiError (pure, tested). Reads RFC 9457 problem+json
 * ({type, title, status, detail}) and the older {error, message}. A 4xx explains what was wrong with the request,
 * so the server's detail is shown; a 5xx is the server's own trouble, shown in plain words without its internals
 * ("Graph database unavailable" means nothing to the person at the screen).
 */
export function errorFromResponse(status: number, bodyText: string, what: string): ApiError {
  let body: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = bodyText ? JSON.parse(bodyText) : null;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  const code = text(body?.code) ?? text(body?.error) ?? (status === 404 ? "not_found" : `http_${status}`);
  const serverMessage = text(body?.detail) ?? text(body?.message) ?? text(body?.title);
  let message: string;
  if (status === 401) message = STATUS_TEXT[401];
  else if (status === 503) message = `${capitalized(what)} is not available right now. Try again in a minute`;
  else if (status === 504) message = `${capitalized(what)} took too long to answer. Try again in a minute`;
  else if (status >= 500) message = `${capitalized(what)} ran into a problem. Try again in a minute; if it keeps happening, tell the team`;
  else if (serverMessage) message = capitalized(serverMessage);
  else message = `${STATUS_TEXT[status] ?? "The request failed"} (${what})`;
  if (!/[.!?]$/.test(message)) message += ".";
  return new ApiError(status, code, message, body);
}

/** A fetch that never got an answer: offline, refused, or blocked by CORS (the browser cannot tell which). */
export function networkError(what: string, base: string): ApiError {
  const where = base || "this site";
  return new ApiError(0, "network",
    `Could not reach ${what}. Check your connection and try again; if it keeps happening, tell the team (address: ${where}).`);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
  what?: string;
}

export function baseOf(cfg: UiConfig, backend: Backend): string {
  switch (backend) {
    case "leads": return cfg.leadsApi;
    case "telegram": return cfg.telegramApi;
    case "generator": return cfg.generatorApi;
    default: return cfg.outreachApi;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(private readonly cfg: UiConfig, private readonly fetcher: FetchLike = (i, n) => fetch(i, n),
              private readonly token: () => string | null = getToken,
              private readonly onUnauthorized: () => void = () => {}) {}

  url(backend: Backend, path: string): string {
    return baseOf(this.cfg, backend) + path;
  }

  async request<T>(backend: Backend, path: string, opts: RequestOptions = {}): Promise<T> {
    const what = opts.what ?? describe(backend);
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (opts.rawBody !== undefined) {
      body = opts.rawBody;
      headers["Content-Type"] = opts.contentType ?? "application/json";
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["Content-Type"] = "application/json";
    }
    let res: Response;
    try {
      res = await this.fetcher(this.url(backend, path), { method: opts.method ?? "GET", headers, body, signal: opts.signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") throw e;
      if (e instanceof Error && e.name === "AbortError") throw e;
      throw networkError(what, baseOf(this.cfg, backend));
    }
    const text = await res.text().catch(() => "");
    if (!res.ok) {
      const err = errorFromResponse(res.status, text, what);
      if (err.unauthorized) this.onUnauthorized();
      throw err;
    }
    if (res.status === 204 || text.trim() === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(res.status, "bad_json", `The answer from ${what} was not valid JSON.`);
    }
  }
}

function describe(backend: Backend): string {
  switch (backend) {
    case "leads": return "the lead import service";
    case "telegram": return "the Telegram login service";
    case "generator": return "the message generator";
    default: return "the outreach service";
  }
}

/** Shown for anything thrown: ApiError keeps its text; anything else gets a generic sentence. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `Something went wrong: ${e.message}`;
  return "Something went wrong.";
}
