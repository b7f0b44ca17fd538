import { allChecks } from "../../../checks/index.js";
import { ruleInfo } from "../../engine/check.js";
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from "../format/rules.js";
import type { Io } from "../io.js";

export function runRulesCommand(format: "text" | "json" | "markdown", io: Io): number {
  const rules = [...allChecks].map(ruleInfo).sort((a, b) => (a.id < b.id ? -1 : 1));
  io.stdout(
    format === "json"
      ? formatRulesJson(rules)
      : format === "markdown"
        ? formatRulesMarkdown(rules)
        : formatRulesText(rules),
  );
  return 0;
}
