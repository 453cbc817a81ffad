import { describe, expect, it } from "vitest";
import { importFraction, importLabel, newImportId } from "@/lib/importProgress";

describe("import progress", () => {
  it("fills half the bar while parsing and the rest while publishing", () => {
    expect(importFraction({ state: "parsing", processed: 50, total: 100 })).toBe(0.25);
    expect(importFraction({ state: "parsing", processed: 50 })).toBeNull();
    expect(importFraction({ state: "publishing", published: 150, accepted: 300 })).toBe(0.75);
    expect(importFraction({ state: "completed" })).toBe(1);
    expect(importLabel({ state: "parsing", processed: 3, total: 313 })).toBe("Reading the file… 3 of 313 records");
  });
  it("makes ids the import endpoint accepts", () => {
    expect(newImportId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{3,63}$/);
  });
});
