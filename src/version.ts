import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface PackageJson {
  name?: string;
  version?: string;
  repository?: string | { url?: string };
}

function readPackage(): PackageJson {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(candidate) as PackageJson;
      if (pkg.name === "peptalk") return pkg;
    } catch {
      // try the next layout (sources vs dist/)
    }
  }
  return {};
}

const PACKAGE = readPackage();

export const PEPTALK_VERSION = PACKAGE.version ?? "0.0.0";

/**
 * The web address of peptalk's repository, from package.json's `repository` field
 * ("owner/repo", "github:owner/repo" or a git URL); null when package.json names none.
 */
export function repositoryUrl(repository: PackageJson["repository"] = PACKAGE.repository): string | null {
  const raw = (typeof repository === "string" ? repository : repository?.url)?.trim();
  if (!raw) return null;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]!.replace(/\.git$/, "")}`;
  const url = /^(?:git\+)?(https?:\/\/[^\s#]+?)(?:\.git)?\/?$/.exec(raw);
  if (url) return url[1]!;
  const ssh = /^(?:git\+ssh:\/\/)?git@([\w.-]+)[:/]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(raw);
  return ssh ? `https://${ssh[1]}/${ssh[2]}` : null;
}

export const REPOSITORY_URL = repositoryUrl() ?? "https://github.com/peptalk-dev/peptalk";
export const RULES_DOC_URL = `${REPOSITORY_URL}/blob/main/docs/rules.md`;

/**
 * Where comment footers link a rule's docs: `PEPTALK_DOCS_URL` (the operator's own copy of
 * docs/rules.md), else docs/rules.md in the repository package.json names; null (no link)
 * when neither is known, rather than a guessed address.
 */
export function rulesDocsUrl(env: Record<string, string | undefined> = process.env): string | null {
  const configured = env["PEPTALK_DOCS_URL"]?.trim();
  if (configured) return configured;
  const repo = repositoryUrl();
  return repo ? `${repo}/blob/main/docs/rules.md` : null;
}
