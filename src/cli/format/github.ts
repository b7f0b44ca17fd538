import type { Finding } from "../../engine/types.js";

// Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props: string[] = [];
      // Annotations address head files: a removed line (LEFT) is named in the message instead.
      if (f.side !== "LEFT") {
        props.push(`file=${escapeProperty(f.path)}`, `line=${f.line}`, `endLine=${f.endLine}`);
        // Columns are only meaningful on single-line annotations.
        if (f.line === f.endLine) props.push(`col=${f.column}`, `endColumn=${f.endColumn}`);
      }
      const codes = f.codes.length ? ` (${f.codes.join(", ")})` : "";
      props.push(`title=${escapeProperty(`peptalk ${f.rule}${codes}`)}`);
      const message = f.side === "LEFT" ? `${f.path}:${f.line} (removed line): ${f.message}` : f.message;
      return `::${LEVEL[f.severity]} ${props.join(",")}::${escapeData(message)}`;
    })
    .join("\n");
}
