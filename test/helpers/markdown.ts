// What GitHub would make live in a Markdown text, found independently of src/planner/markdown.ts:
// the text outside fenced blocks and code spans (CommonMark's pairing of equal backtick runs),
// backslash escapes dropped, is searched for @-mentions and raw HTML.

function withoutCodeSpans(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`") {
      out += line[i++];
      continue;
    }
    let j = i;
    while (line[j] === "`") j++;
    const run = j - i;
    // The closing run has exactly the same length.
    let k = j;
    let close = -1;
    while (k < line.length) {
      if (line[k] !== "`") {
        k++;
        continue;
      }
      let m = k;
      while (line[m] === "`") m++;
      if (m - k === run) {
        close = m;
        break;
      }
      k = m;
    }
    if (close < 0) {
      out += line.slice(i, j);
      i = j;
    } else {
      out += " CODE ";
      i = close;
    }
  }
  return out;
}

/** The text GitHub renders as Markdown (outside code), with backslash-escaped characters removed. */
export function liveText(markdown: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    // A fence's info string has no backtick (else the line is a code span).
    const opener = /^ {0,3}(`{3,})[^`]*$/.exec(line);
    if (fence) {
      if (opener && opener[1]!.length >= fence.length && line.trim() === opener[1]) fence = null;
      continue;
    }
    if (opener) {
      fence = opener[1]!;
      continue;
    }
    kept.push(withoutCodeSpans(line).replace(/\\[!-/:-@[-`{-~]/g, ""));
  }
  return kept.join("\n");
}

/** Live @-mentions, HTML comments and raw HTML tags (bar peptalk's own `<sub>` and final marker). */
export function hazards(markdown: string): string[] {
  const text = liveText(markdown.replace(/<!-- peptalk:(?:v1|review):[^>]*-->\s*$/, "")).replace(/<\/?sub>/g, "");
  const found: string[] = [];
  for (const m of text.matchAll(/@[A-Za-z0-9]/g)) found.push(`mention at ${m.index}`);
  if (text.includes("<!--")) found.push("HTML comment");
  for (const m of text.matchAll(/<[A-Za-z/!?]/g)) found.push(`HTML at ${m.index}`);
  return found;
}
