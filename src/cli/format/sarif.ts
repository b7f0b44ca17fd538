// SARIF 2.1.0 as GitHub code scanning accepts it: rules with help, results with regions,
// partial fingerprints, and safe fixes.
import type { RuleInfo } from "../../engine/check.js";
import type { Finding } from "../../engine/types.js";
import { PEPTALK_VERSION, RULES_DOC_URL } from "../../version.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;
/** GitHub code scanning keeps at most 25,000 results per run. */
export const SARIF_MAX_RESULTS = 25_000;

export function formatSarif(findings: readonly Finding[], rules: readonly RuleInfo[]): string {
  const used = rules;
  const ruleIndex = new Map(used.map((r, i) => [r.id, i]));
  const driverRules = used.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.why },
    helpUri: `${RULES_DOC_URL}#${r.id}`,
    help: {
      text: `${r.docs.why}\n\nInstead of:\n${r.docs.bad}\nWrite:\n${r.docs.good}`,
      markdown: `${r.docs.why}\n\nInstead of:\n\n\`\`\`python\n${r.docs.bad}\`\`\`\n\nWrite:\n\n\`\`\`python\n${r.docs.good}\`\`\``,
    },
    defaultConfiguration: { level: r.severity === "off" ? "none" : LEVEL[r.severity] },
    properties: { tags: [r.category, ...r.codes], precision: "high" },
  }));
  const results = findings.slice(0, SARIF_MAX_RESULTS).map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.path, uriBaseId: "%SRCROOT%" },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { "peptalk/v1": f.fingerprint },
    };
    const index = ruleIndex.get(f.rule);
    if (index !== undefined) result["ruleIndex"] = index;
    // A SARIF fix may be applied by a tool without a human (code scanning's autofix): safe ones only.
    if (f.fix?.safety === "safe") {
      result["fixes"] = [
        {
          description: { text: f.fix.description },
          artifactChanges: [
            {
              artifactLocation: { uri: f.path, uriBaseId: "%SRCROOT%" },
              replacements: f.fix.edits.map((e) => ({
                deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
                insertedContent: { text: e.text },
              })),
            },
          ],
        },
      ];
    }
    return result;
  });
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "peptalk",
              semanticVersion: PEPTALK_VERSION,
              informationUri: RULES_DOC_URL,
              rules: driverRules,
            },
          },
          columnKind: "utf16CodeUnits",
          results,
        },
      ],
    },
    null,
    2,
  );
}
