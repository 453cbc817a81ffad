import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, normalizeBase, parseConfig } from "@/lib/config";

describe("runtime config", () => {
  it("headers from outreach-api override the static config.json", () => {
    const headers: Record<string, string> = { "X-Outreach-Ui-Leads-Api": "same-origin", "X-Outreach-Ui-Dev-Sign-In": "true" };
    const c = parseConfig({ leads_api: "http://127.0.0.1:8084", dev_sign_in: false }, (n) => headers[n] ?? null);
    expect(c.leadsApi).toBe("");
    expect(c.devSignIn).toBe(true);
    expect(c.telegramApi).toBe(DEFAULT_CONFIG.telegramApi);
  });
  it("defaults when nothing is served; dev sign-in stays off", () => {
    expect(parseConfig(null, () => null)).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.devSignIn).toBe(false);
  });
  it("refuses non-http bases and drops trailing slashes", () => {
    expect(normalizeBase("javascript:alert(1)", "x")).toBe("x");
    expect(normalizeBase("https://deck.example/", "x")).toBe("https://deck.example");
    expect(normalizeBase("/", "x")).toBe("");
  });
});
