// Reply labels in the conversation view: the intents a member can choose when correcting a label, in words.
// The vocabulary is the wire contract's (common-model ReplyLabeled.INTENTS); the server validates it.

export const INTENTS = ["interested", "later", "question", "not_interested", "unsubscribe", "out_of_office", "other"] as const;
export type Intent = (typeof INTENTS)[number];

const WORDS: Record<Intent, string> = {
  interested: "Interested",
  later: "Later / not now",
  question: "Question",
  not_interested: "Not interested",
  unsubscribe: "Asked to stop (do not contact)",
  out_of_office: "Out of office",
  other: "Other",
};

export function intentWords(intent: string | null | undefined): string {
  return intent && (INTENTS as readonly string[]).includes(intent) ? WORDS[intent as Intent] : "Not labelled yet";
}

/** Who gave the label, in words for the member. */
export function labeledByWords(by: string | null | undefined): string {
  if (by === "member") return "corrected by you";
  if (by === "claude") return "labelled by Claude";
  if (by === "rules") return "labelled by keyword rules";
  return "";
}
