import { describe, expect, it } from "vitest";
import { ApiClient, ApiError, errorFromResponse, messageOf } from "@/lib/api";
import { DEFAULT_CONFIG } from "@/lib/config";

const cfg = { ...DEFAULT_CONFIG, outreachApi: "", leadsApi: "http://127.0.0.1:8084", telegramApi: "http://127.0.0.1:8081" };

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (x) {
    return x as ApiError;
  }
  throw new Error("expected the request to fail");
}

function client(respond: (url: string, init?: RequestInit) => Promise<Response>, token: string | null = "tkn", onUnauth = () => {}) {
  return new ApiClient(cfg, respond, () => token, onUnauth);
}

describe("errorFromResponse", () => {
  it("uses the detail of the problem+json answer and keeps the body", () => {
    const e = errorFromResponse(409, JSON.stringify({ type: "tag:x:claimed", title: "Claimed", status: 409, code: "claimed", detail: "claimed by bob", claimed_by: "bob", claimed_until: "2026-11-22T10:00:00Z" }), "x");
    expect(e.status).toBe(409);
    expect(e.code).toBe("claimed");
    expect(e.message).toBe("Claimed by bob.");
    expect(e.body?.claimed_by).toBe("bob");
  });
  it("explains a 401 as a sign-in problem, whatever the body", () => {
    expect(errorFromResponse(401, "", "x").message).toMatch(/sign in again/);
  });
  it("words a server failure for people, without the server's internals or HTTP codes", () => {
    const e = errorFromResponse(502, "<html>Bad gateway</html>", "the outreach service");
    expect(e.code).toBe("http_502");
    expect(e.message).toBe("The outreach service ran into a problem. Try again in a minute; if it keeps happening, tell the team.");
    const unavailable = errorFromResponse(503, JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503, detail: "Graph database unavailable" }), "the outreach service");
    expect(unavailable.message).toBe("The outreach service is not available right now. Try again in a minute.");
    expect(unavailable.message).not.toContain("Graph");
  });
  it("reads the detail of a problem+json answer to a bad request", () => {
    const e = errorFromResponse(400, JSON.stringify({ type: "urn:problem:invalid-parameter", title: "Invalid parameter", status: 400, detail: "min_score must be between 0 and 30" }), "x");
    expect(e.message).toBe("Min_score must be between 0 and 30.");
    expect(errorFromResponse(422, JSON.stringify({ title: "The message is too long" }), "x").message).toBe("The message is too long.");
  });
  it("marks a bodiless 404 as not_found (an endpoint that is not there yet)", () => {
    const e = errorFromResponse(404, "", "x");
    expect(e.code).toBe("not_found");
    expect(e.notBuiltYet).toBe(true);
    expect(errorFromResponse(404, JSON.stringify({ type: "tag:x:contact_not_found", status: 404, code: "contact_not_found", detail: "no contact c" }), "x").notBuiltYet).toBe(false);
  });
});

describe("ApiClient", () => {
  it("sends the bearer token and JSON body to the right backend", async () => {
    let seen: { url: string; init?: RequestInit } | null = null;
    const c = client(async (url, init) => { seen = { url, init }; return new Response(JSON.stringify({ ok: 1 }), { status: 200 }); });
    const a = await c.request<{ ok: number }>("leads", "/api/leads/import?import_id=abcd", { method: "POST", body: { a: 1 } });
    expect(a.ok).toBe(1);
    expect(seen!.url).toBe("http://127.0.0.1:8084/api/leads/import?import_id=abcd");
    const h = seen!.init!.headers as Record<string, string>;
    expect(h.Authorization).toBe("Bearer tkn");
    expect(h["Content-Type"]).toBe("application/json");
    expect(seen!.init!.body).toBe('{"a":1}');
  });
  it("turns a refused connection into a readable network error (status 0)", async () => {
    const c = client(async () => { throw new TypeError("Failed to fetch"); });
    const e = await failure(c.request("telegram", "/api/outreach/telegram/qr-start", { method: "POST" }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(0);
    expect(e.message).toContain("http://127.0.0.1:8081");
  });
  it("calls onUnauthorized on 401", async () => {
    let called = 0;
    const c = client(async () => new Response("", { status: 401 }), "tkn", () => { called++; });
    await expect(c.request("outreach", "/api/outreach/queue")).rejects.toBeInstanceOf(ApiError);
    expect(called).toBe(1);
  });
  it("returns undefined for 204 and rejects a 200 that is not JSON", async () => {
    expect(await client(async () => new Response(null, { status: 204 })).request("outreach", "/x")).toBeUndefined();
    const e = await failure(client(async () => new Response("<html>", { status: 200 })).request("outreach", "/x"));
    expect(e.code).toBe("bad_json");
  });
  it("omits Authorization without a token", async () => {
    let h: Record<string, string> = {};
    await client(async (_u, init) => { h = init!.headers as Record<string, string>; return new Response("{}"); }, null).request("outreach", "/x");
    expect(h.Authorization).toBeUndefined();
  });
});

describe("messageOf", () => {
  it("never returns an empty string", () => {
    expect(messageOf(undefined)).toBe("Something went wrong.");
    expect(messageOf(new Error("boom"))).toBe("Something went wrong: boom");
  });
});
