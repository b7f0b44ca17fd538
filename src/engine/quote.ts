// Code quoted in a finding's message: exact, never `...` in place of what the author wrote.

/**
 * `text` as a Markdown code span: whole when it is one line of at most `max` characters; else
 * its first line (cut at a space when longer than `max`), with the ellipsis after the code span
 * so that what is quoted is still exactly the author's code.
 */
export function quoteCode(text: string, max = 60): string {
  const code = text.trim();
  const firstLine = code.split("\n", 1)[0]!.trimEnd();
  if (firstLine === code && code.length <= max) return span(code);
  let cut = firstLine;
  if (cut.length > max) {
    cut = cut.slice(0, max);
    const space = cut.lastIndexOf(" ");
    if (space > max / 2) cut = cut.slice(0, space);
  }
  return `${span(cut.trimEnd())} …`;
}

/** A code span that survives backticks in the code (Python 2's `` `x` `` repr): a longer fence. */
function span(code: string): string {
  if (!code.includes("`")) return `\`${code}\``;
  const longest = Math.max(...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${code} ${fence}`;
}
