import { describe, expect, it } from "vitest";
import { cleanGreeting, personName } from "@/lib/names";

describe("personName", () => {
  it("drops tags, labels and decorations", () => {
    expect(personName("Ha-eun | crypto")).toBe("Ha-eun");
    expect(personName("Dmitri (UBC raider)")).toBe("Dmitri");
    expect(personName("🚀 Max Smith")).toBe("Max Smith");
    expect(personName("Emma-Louise ✨")).toBe("Emma-Louise");
    expect(personName("José María")).toBe("José María");
    expect(personName("فاطمة Yılmaz")).toBe("فاطمة Yılmaz");
  });
  it("keeps a name that is only symbols rather than showing nothing", () => {
    expect(personName("✨✨")).toBe("✨✨");
    expect(personName("")).toBe("");
  });
});

describe("cleanGreeting", () => {
  it("greets with the plain name", () => {
    expect(cleanGreeting("Hey Ha-eun | crypto, came across your profile.", "Ha-eun | crypto"))
      .toBe("Hey Ha-eun, came across your profile.");
  });
  it("leaves other texts alone", () => {
    expect(cleanGreeting("Hey Ha-eun, came across your profile.", "Ha-eun | crypto")).toBe("Hey Ha-eun, came across your profile.");
    expect(cleanGreeting("Hi there, friend.", "Ha-eun | crypto")).toBe("Hi there, friend.");
    expect(cleanGreeting("No comma here", "Ha-eun | crypto")).toBe("No comma here");
  });
});
