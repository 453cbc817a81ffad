// Server-sent events over fetch, so the Authorization header can be sent (EventSource cannot set headers).
// The parser is pure and incremental: feed it chunks, it returns the complete events.

export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private id: string | null = null;
  lastEventId: string | null = null;
  retryMs: number | null = null;

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let nl: number;
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      const sepLen = this.buffer.startsWith("\r\n", nl) ? 2 : 1;
      // a lone \r at the very end may be the first half of \r\n: wait for more
      if (sepLen === 1 && this.buffer[nl] === "\r" && nl === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(nl + sepLen);
      const ev = this.line(line);
      if (ev) out.push(ev);
    }
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === "") {
      if (this.data.length === 0) {
        this.event = "";
        return null;
      }
      const ev = { event: this.event || "message", data: this.data.join("\n"), id: this.id };
      this.data = [];
      this.event = "";
      return ev;
    }
    if (line.startsWith(":")) return null; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data": this.data.push(value); break;
      case "event": this.event = value; break;
      case "id": if (!value.includes("\0")) { this.id = value; this.lastEventId = value; } break;
      case "retry": if (/^\d+$/.test(value)) this.retryMs = Number(value); break;
    }
    return null;
  }
}

export interface StreamHandle {
  close(): void;
}

export type StreamStatus = "connecting" | "live" | "reconnecting" | "unavailable";

/**
 * Follows an SSE URL with fetch + Authorization, reconnecting with backoff (Last-Event-ID sent). A 404 means
 * the endpoint does not exist yet: status "unavailable", retried slowly.
 */
export function followEvents(url: string, token: string | null, onEvent: (e: SseEvent) => void,
                             onStatus: (s: StreamStatus, detail?: string) => void): StreamHandle {
  let closed = false;
  let controller: AbortController | null = null;
  let attempt = 0;
  let lastId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (ms: number) => {
    if (closed) return;
    timer = setTimeout(run, ms);
  };

  async function run() {
    if (closed) return;
    controller = new AbortController();
    onStatus(attempt === 0 ? "connecting" : "reconnecting");
    const headers: Record<string, string> = { Accept: "text/event-stream" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (lastId) headers["Last-Event-ID"] = lastId;
    try {
      const res = await fetch(url, { headers, signal: controller.signal, cache: "no-store" });
      if (!res.ok || !res.body) {
        attempt++;
        const unavailable = res.status === 404 || res.status === 405;
        onStatus(unavailable ? "unavailable" : "reconnecting", `HTTP ${res.status}`);
        schedule(unavailable ? 60_000 : Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
        return;
      }
      attempt = 0;
      onStatus("live");
      const parser = new SseParser();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const ev of parser.feed(value)) {
          if (ev.id) lastId = ev.id;
          onEvent(ev);
        }
      }
      attempt++;
      schedule(parser.retryMs ?? 2000);
    } catch {
      if (closed) return;
      attempt++;
      onStatus("reconnecting");
      schedule(Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
    }
  }

  run();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
  };
}
