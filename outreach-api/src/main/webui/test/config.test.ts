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
  it("the generator's base comes from generator_api or X-Outreach-Ui-Generator-Api", () => {
    expect(parseConfig({ generator_api: "http://127.0.0.1:24083/" }, () => null).generatorApi).toBe("http://127.0.0.1:24083");
    const headers: Record<string, string> = { "X-Outreach-Ui-Generator-Api": "same-origin" };
    expect(parseConfig({ generator_api: "http://127.0.0.1:8083" }, (n) => headers[n] ?? null).generatorApi).toBe("");
    expect(DEFAULT_CONFIG.generatorApi).toBe("http://127.0.0.1:8083");
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
