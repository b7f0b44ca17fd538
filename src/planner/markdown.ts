// Markdown for text a pull request controls: names, paths, code quoted in messages. Whatever
// it contains, it stays inside its code span, pings nobody, and cannot hide the rest of a
// comment behind `<!--`. Messages arrive as plain strings with `code` spans (the checks'
// convention), so they are re-tokenised the way CommonMark reads them and re-rendered.

/** After `@`, a zero-width joiner keeps GitHub from turning `@name` into a mention. */
const ZWJ = "\u200D";
/** A message longer than this is cut before rendering: a review comment is not a dump. */
export const MAX_MESSAGE = 2_000;

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}

/** A fence for a fenced code block around `code`: longer than any backtick run inside, at least 3. */
export function blockFence(code: string): string {
  return "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
}

/**
 * A CommonMark code span that shows `text` verbatim (line breaks become spaces, as in any
 * code span): the fence is longer than any backtick run inside, and a space pads content that
 * starts or ends with a backtick or a space (CommonMark strips one from each side).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, " ");
  if (flat === "") return "` `";
  const fence = "`".repeat(longestBacktickRun(flat) + 1);
  const pad =
    flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" ") && flat.trim() !== "")
      ? " "
      : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Plain text as Markdown that renders literally: characters that start inline constructs are
 * backslash-escaped (CommonMark allows it before any ASCII punctuation), `&` too (an entity
 * such as `&#64;` would render an `@`), a leading block marker (`-`, `#`, `1.`) is escaped
 * since the text may follow a list bullet, and every `@` gets a zero-width joiner after it.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>!|~&]/g, "\\$&")
    .replace(/^(\s*)([-+#=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")
    .replace(/@/g, `@${ZWJ}`);
}

/** Like `escapeText`, for text in the middle of a line (no block marker can start there). */
function escapeInline(text: string): string {
  return escapeText(`x${text}`).slice(1);
}

/** Text for a place GitHub shows as plain text (annotations): no mentions, bounded length. */
export function plainText(text: string, max = MAX_MESSAGE): string {
  return clipText(text, max).replace(/@/g, `@${ZWJ}`);
}

function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Run {
  at: number;
  length: number;
}

/**
 * A message with `code` spans, rendered safely: the spans CommonMark would find keep their
 * content (re-fenced so nothing escapes them), everything between is escaped text. Linear in
 * the message's length: each backtick-run length keeps a cursor into its own list of runs.
 */
export function renderMessage(message: string): string {
  const text = clipText(message.replace(/\r\n?|\n/g, " "), MAX_MESSAGE);
  const runs: Run[] = [];
  for (let i = 0; i < text.length;) {
    if (text.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 96) j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length) ?? [];
    list.push(index);
    byLength.set(run.length, list);
  });
  const cursor = new Map<number, number>();
  const out: string[] = [];
  let textStart = 0;
  for (let r = 0; r < runs.length;) {
    const open = runs[r]!;
    const list = byLength.get(open.length)!;
    let c = cursor.get(open.length) ?? 0;
    while (c < list.length && list[c]! <= r) c++;
    cursor.set(open.length, c);
    if (c >= list.length) {
      // No closing run: these backticks are literal text.
      r++;
      continue;
    }
    const closeIndex = list[c]!;
    const close = runs[closeIndex]!;
    out.push(textStart === 0 ? escapeText(text.slice(0, open.at)) : escapeInline(text.slice(textStart, open.at)));
    let content = text.slice(open.at + open.length, close.at);
    if (content.length > 1 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "")
      content = content.slice(1, -1);
    out.push(codeSpan(content));
    textStart = close.at + close.length;
    r = closeIndex + 1;
  }
  out.push(textStart === 0 ? escapeText(text) : escapeInline(text.slice(textStart)));
  return out.join("");
}

/** A GFM table cell: a pipe, even inside a code span, must be escaped or it splits the cell. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}
