import { describe, expect, it } from "vitest";
import { SseParser } from "@/lib/sse";

describe("SSE parser", () => {
  it("assembles events split across chunks, with multi-line data, ids and comments", () => {
    const p = new SseParser();
    expect(p.feed(": keep-alive\n\nevent: reply\nid: 7\nda")).toEqual([]);
    const out = p.feed('ta: {"conversation_id":"c1"}\ndata: second\n\n');
    expect(out).toEqual([{ event: "reply", data: '{"conversation_id":"c1"}\nsecond', id: "7" }]);
    expect(p.lastEventId).toBe("7");
  });
  it("handles CRLF split between chunks and defaults the event name", () => {
    const p = new SseParser();
    expect(p.feed("data: x\r")).toEqual([]);
    expect(p.feed("\n\r\n")).toEqual([{ event: "message", data: "x", id: null }]);
  });
  it("reads retry", () => {
    const p = new SseParser();
    p.feed("retry: 5000\n\n");
    expect(p.retryMs).toBe(5000);
  });
});
