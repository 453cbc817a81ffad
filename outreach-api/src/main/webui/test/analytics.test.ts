import { describe, expect, it } from "vitest";
import { analyticsPath, duration, FIGURE_COLUMNS, rateWithInterval, toCsv, type Figures } from "@/lib/analytics";

const f = (key: string, over: Partial<Figures> = {}): Figures => ({
  key, sent: 20, replied: 5, positive: 3, negative: 1, unsubscribed: 1, reply_rate: 0.25, reply_rate_low: 0.11,
  reply_rate_high: 0.47, positive_rate: 0.15, positive_rate_low: 0.05, positive_rate_high: 0.36,
  median_seconds_to_first_reply: 5400, ...over,
});

describe("analytics", () => {
  it("writes RFC 4180 CSV with every column, quoting and formula guards", () => {
    const csv = toCsv([f("concise"), f('say "hi", then\nleave'), f("=HYPERLINK(1)", { median_seconds_to_first_reply: null })], FIGURE_COLUMNS);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("group,sent,replied,positive,negative,unsubscribed,reply_rate,reply_rate_low,reply_rate_high,"
      + "positive_rate,positive_rate_low,positive_rate_high,median_seconds_to_first_reply");
    expect(lines[1]).toBe("concise,20,5,3,1,1,0.25,0.11,0.47,0.15,0.05,0.36,5400");
    expect(csv).toContain('"say ""hi"", then\nleave",20');
    expect(csv).toContain("'=HYPERLINK(1),20,");
    expect(csv.endsWith("0.36,\r\n")).toBe(true);
  });
  it("says rates with their interval and waits in words", () => {
    expect(rateWithInterval(0.25, 0.11, 0.47)).toBe("25% (11–47%)");
    expect(rateWithInterval(null, null, null)).toBe("—");
    expect(duration(5400)).toBe("1.5 h");
    expect(duration(600)).toBe("10 min");
    expect(duration(3 * 86400)).toBe("3.0 days");
  });
  it("builds the query with only the dates given", () => {
    expect(analyticsPath("variant", "team", "", "")).toBe("/api/outreach/analytics?group_by=variant&owner=team");
    expect(analyticsPath("week", "me", "2026-11-01", "2026-11-30"))
      .toBe("/api/outreach/analytics?group_by=week&owner=me&from=2026-11-01&to=2026-11-30");
  });
});
