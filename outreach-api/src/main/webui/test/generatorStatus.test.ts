import { describe, expect, it } from "vitest";
import { describeGeneratorStatus } from "@/lib/generatorStatus";

describe("generator status line", () => {
  it("says templates only and why, for every state but ready", () => {
    expect(describeGeneratorStatus({ cli_state: "not_logged_in", mode: "templates_only" }))
      .toEqual({ tone: "warn", text: "Templates only: Claude is not logged in." });
    expect(describeGeneratorStatus({ cli_state: "not_installed", mode: "templates_only" }).text)
      .toBe("Templates only: the Claude CLI is not installed.");
    expect(describeGeneratorStatus({ cli_state: "error", mode: "templates_only" }).tone).toBe("warn");
    expect(describeGeneratorStatus({ cli_state: "some_new_state", mode: "templates_only" }).text)
      .toBe("Templates only: some new state.");
  });
  it("is positive only when the CLI is ready", () => {
    expect(describeGeneratorStatus({ cli_state: "ready", mode: "claude", auth_method: "oauth_token" }))
      .toEqual({ tone: "ok", text: "Claude writes the messages." });
    expect(describeGeneratorStatus({ cli_state: "ready", mode: "templates_only" }).tone).toBe("warn");
  });
  it("an unreachable generator is unknown, not an error", () => {
    expect(describeGeneratorStatus(null).tone).toBe("muted");
    expect(describeGeneratorStatus({} as never).tone).toBe("muted");
  });
});
