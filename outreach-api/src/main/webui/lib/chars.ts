// The message limit is counted in Unicode code points, as the server does (String.codePointCount).
export const MAX_MESSAGE_CHARS = 500;

export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export interface CharState {
  count: number;
  remaining: number;
  over: boolean;
  near: boolean;
  label: string;
}

export function charState(text: string, max = MAX_MESSAGE_CHARS): CharState {
  const count = countChars(text);
  const remaining = max - count;
  const over = remaining < 0;
  return {
    count,
    remaining,
    over,
    near: !over && remaining <= 50,
    label: over ? `${count} / ${max} — ${-remaining} over the limit` : `${count} / ${max}`,
  };
}
