// Telegram display names often carry tags: "Dmitri | crypto", "Emma (UBC raider)", "🚀 Max Smith", "Zoë ✨".
// A greeting uses the person's name without them. Linear scans only (no regular expression over user text
// that could backtrack).

const TAG_SEPARATORS = [" | ", "|", " / ", " • ", " · ", " — ", " – "];

function isLetterOrDigit(ch: string): boolean {
  return /\p{L}|\p{N}/u.test(ch);
}

/** Drops "(…)"/"[…]" parts, anything after a tag separator, and leading/trailing symbols such as emoji. */
export function personName(raw: string | null | undefined): string {
  if (!raw) return "";
  let out = "";
  let depth = 0;
  for (const ch of raw) {
    if (ch === "(" || ch === "[") { depth++; continue; }
    if ((ch === ")" || ch === "]") && depth > 0) { depth--; continue; }
    if (depth === 0) out += ch;
  }
  for (const sep of TAG_SEPARATORS) {
    const at = out.indexOf(sep);
    if (at > 0) out = out.slice(0, at);
  }
  const chars = Array.from(out);
  let start = 0;
  let end = chars.length;
  while (start < end && !isLetterOrDigit(chars[start])) start++;
  while (end > start && !isLetterOrDigit(chars[end - 1])) end--;
  const name = chars.slice(start, end).join("").split(" ").filter((w) => w !== "").join(" ");
  return name || raw.trim();
}

/**
 * The template greets with the lead's display name as it is ("Hey Dmitri | crypto,"). When the text starts with
 * a greeting that holds the tagged name, the greeting gets the plain name; any other text is left alone.
 */
export function cleanGreeting(text: string, rawName: string | null | undefined): string {
  const clean = personName(rawName);
  if (!rawName || !clean) return text;
  const comma = text.indexOf(",");
  if (comma < 0 || comma > 120) return text;
  const greeting = text.slice(0, comma);
  const space = greeting.indexOf(" ");
  if (space < 0) return text;
  const named = greeting.slice(space + 1).trim();
  if (named === clean || personName(named) !== clean) return text;
  return `${greeting.slice(0, space)} ${clean}${text.slice(comma)}`;
}
