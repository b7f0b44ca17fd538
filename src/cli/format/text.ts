import { styleText } from "node:util";
import type { EngineResult, Finding, HouseStyleFact } from "../../engine/types.js";

type Style = Parameters<typeof styleText>[0];

export interface TextOptions {
  color: boolean;
  fixedCount?: number;
  /** `--unsafe-fixes`: unsafe fixes count as available, not hidden. */
  unsafeFixes?: boolean;
}

export function formatText(result: EngineResult, options: TextOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
  const sevStyle: Record<Finding["severity"], Style> = { error: "red", warning: "yellow", info: "cyan" };
  const lines: string[] = [];
  for (const f of result.findings) {
    const where = paint("bold", `${f.path}:${f.line}:${f.column}:`);
    const rule = paint(
      sevStyle[f.severity],
      `${f.severity} ${f.rule}${f.codes.length ? ` [${f.codes.join(", ")}]` : ""}`,
    );
    // Ruff's marker for a fix `--fix` would apply.
    const fixable = f.fix && (f.fix.safety === "safe" || options.unsafeFixes) ? `${paint("bold", "[*]")} ` : "";
    lines.push(`${where} ${rule} ${fixable}${f.message}`);
  }
  for (const s of result.skipped) lines.push(paint("dim", `${s.path}: skipped: ${s.reason}`));
  for (const failure of result.failures)
    lines.push(paint("magenta", `${failure.path}: check ${failure.rule} failed: ${failure.message}`));
  lines.push(...houseStyleLines(result.houseStyle).map((l) => paint("dim", l)));
  if (result.honoured.length > 0)
    lines.push(paint("dim", `Honoured repository settings: ${result.honoured.join("; ")}`));
  lines.push(summaryLine(result, options.fixedCount ?? 0, options.unsafeFixes ?? false));
  return lines.join("\n");
}

/**
 * What the house style decided for taste rules: each file where it holds (why its findings are
 * reported), then one line for the findings left unsaid where the code does not follow the style.
 */
export function houseStyleLines(facts: readonly HouseStyleFact[]): string[] {
  const holding = facts.filter((f) => f.holds);
  const lines: string[] = [];
  if (holding.length <= MAX_STYLE_LINES) {
    for (const f of holding)
      lines.push(
        `House style: ${f.path}${f.scope === "unchanged-code" ? " (unchanged code)" : ""}: ${f.text}, so ${f.rule} reports ${plural(f.reported, "finding")}.`,
      );
  } else {
    // A big run: one line per rule, with its first file as the example.
    const byRule = new Map<string, HouseStyleFact[]>();
    for (const f of holding) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    for (const [rule, list] of byRule) {
      const reported = list.reduce((n, f) => n + f.reported, 0);
      lines.push(
        `House style: ${rule} reports ${plural(reported, "finding")} in ${plural(list.length, "file")} whose code follows the convention (${list[0]!.path}: ${list[0]!.text}).`,
      );
    }
  }
  const unsaid = facts.filter((f) => !f.holds);
  if (unsaid.length > 0) {
    const byRule = new Map<string, number>();
    for (const f of unsaid) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + f.silenced);
    const total = unsaid.reduce((n, f) => n + f.silenced, 0);
    const files = new Set(unsaid.map((f) => f.path)).size;
    const rules = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(", ");
    lines.push(
      `House style: ${plural(total, "taste finding")} left unsaid in ${plural(files, "file")} whose code does not follow the convention (${rules}); select a rule to hear it everywhere.`,
    );
  }
  return lines;
}

/** Past this many files, the house style is summarised per rule. */
const MAX_STYLE_LINES = 10;

function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${/(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`}`;
}

export function summaryLine(result: EngineResult, fixed: number, unsafeFixes = false): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const fixable = result.findings.filter((f) => f.fix && (f.fix.safety === "safe" || unsafeFixes)).length;
  const hidden = unsafeFixes ? 0 : result.findings.filter((f) => f.fix?.safety === "unsafe").length;
  const files = new Set(result.findings.map((f) => f.path)).size;
  const parts = [
    result.findings.length === 0
      ? `No findings in ${plural(result.analysed.length, "file")}`
      : `${plural(result.findings.length, "finding")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info) in ${plural(files, "file")} of ${result.analysed.length} checked`,
  ];
  if (fixed > 0) parts.push(`${plural(fixed, "fix")} applied`);
  if (fixable > 0) parts.push(`${fixable} fixable with --fix`);
  if (hidden > 0)
    parts.push(`${hidden} hidden ${hidden === 1 ? "fix" : "fixes"} can be enabled with the \`--unsafe-fixes\` option`);
  if (result.skipped.length > 0) parts.push(`${plural(result.skipped.length, "file")} skipped`);
  return parts.join("; ") + ".";
}
