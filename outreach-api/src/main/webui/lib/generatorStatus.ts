// What message-generator says about the Claude CLI (GET /api/generator/status), as one line for the person
// about to generate a message. Pure, tested.

export interface GeneratorStatusAnswer {
  cli_state?: string;
  mode?: string;
  summary?: string;
  auth_method?: string | null;
  checked_at?: string | null;
}

export interface GeneratorStatusView {
  tone: "ok" | "warn" | "muted";
  text: string;
}

const SENTENCES: Record<string, string> = {
  not_logged_in: "Claude is not logged in",
  not_installed: "the Claude CLI is not installed",
  error: "the Claude CLI does not answer as expected",
  unknown: "the Claude CLI has not been checked yet",
};

/** null answer = the generator could not be asked (down, or not reachable from this page). */
export function describeGeneratorStatus(answer: GeneratorStatusAnswer | null): GeneratorStatusView {
  if (!answer || typeof answer.cli_state !== "string") {
    return { tone: "muted", text: "Generator status unknown: the message generator did not answer." };
  }
  if (answer.mode === "claude" && answer.cli_state === "ready") {
    return { tone: "ok", text: "Claude writes the messages." };
  }
  const why = SENTENCES[answer.cli_state] ?? answer.cli_state.replace(/_/g, " ");
  return { tone: "warn", text: `Templates only: ${why}.` };
}
