import { describe, expect, it } from "vitest";
import { charState, countChars } from "@/lib/chars";

describe("character counter", () => {
  it("counts code points like the server (an emoji is one)", () => {
    expect(countChars("hi 👋")).toBe(4);
    expect("hi 👋".length).toBe(5);
  });
  it("flags near and over the 500 limit", () => {
    expect(charState("a".repeat(449))).toMatchObject({ count: 449, near: false, over: false, label: "449 / 500" });
    expect(charState("a".repeat(450)).near).toBe(true);
    expect(charState("a".repeat(500))).toMatchObject({ over: false, remaining: 0 });
    expect(charState("a".repeat(503))).toMatchObject({ over: true, label: "503 / 500 — 3 over the limit" });
  });
});
