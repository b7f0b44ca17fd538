import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function findVersion(): string {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === "peptalk" && pkg.version) return pkg.version;
    } catch {
      // try the next layout (sources vs dist/)
    }
  }
  return "0.0.0";
}

export const PEPTALK_VERSION = findVersion();
export const REPOSITORY_URL = "https://github.com/peptalk-dev/peptalk";
export const RULES_DOC_URL = `${REPOSITORY_URL}/blob/main/docs/rules.md`;
