import { describe, expect, it } from "vitest";
import { INTENTS, intentWords, labeledByWords } from "@/lib/labels";

describe("reply label words", () => {
  it("names every intent of the wire contract and nothing else", () => {
    expect([...INTENTS].sort()).toEqual(["interested", "later", "not_interested", "other", "out_of_office", "question", "unsubscribe"]);
    for (const intent of INTENTS) expect(intentWords(intent)).not.toBe("Not labelled yet");
    expect(intentWords("ecstatic")).toBe("Not labelled yet");
    expect(intentWords(null)).toBe("Not labelled yet");
  });

  it("says who labelled a reply", () => {
    expect(labeledByWords("member")).toBe("corrected by you");
    expect(labeledByWords("rules")).toBe("labelled by keyword rules");
    expect(labeledByWords(undefined)).toBe("");
  });
});
