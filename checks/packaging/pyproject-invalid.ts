import { valid as validVersion, validRange } from "@renovatebot/pep440";
import { defineProjectCheck, type ProjectCheckContext } from "../../src/engine/check.js";
import type { ParsedToml } from "../../src/engine/project.js";
import {
  isTable,
  keyLine,
  parseRequirement,
  PROJECT_NAME,
  tableAt,
  tableHeaderLine,
  valueLine,
} from "../../src/engine/pyproject.js";

// PEP 621 fields that may be listed in `dynamic` (everything but `name`).
const PEP621_FIELDS = new Set([
  "version",
  "description",
  "readme",
  "requires-python",
  "license",
  "license-files",
  "authors",
  "maintainers",
  "keywords",
  "classifiers",
  "urls",
  "scripts",
  "gui-scripts",
  "entry-points",
  "dependencies",
  "optional-dependencies",
  "import-names",
  "import-namespaces",
]);

function checkProject(ctx: ProjectCheckContext, pyproject: ParsedToml): void {
  const value = pyproject.data?.["project"];
  if (value !== undefined && !isTable(value)) {
    ctx.report({
      path: pyproject.path,
      line: keyLine(pyproject.text, [], "project") ?? 1,
      message: "`project` must be a table (`[project]`), as PEP 621 defines it",
    });
    return;
  }
  const project = tableAt(pyproject.data, ["project"]);
  if (!project) return;
  const { text, path } = pyproject;
  const header = tableHeaderLine(text, ["project"]) ?? 1;
  const at = (key: string): number => keyLine(text, ["project"], key) ?? header;
  const report = (line: number, message: string): void => ctx.report({ path, line, message });

  const dynamicValue = project["dynamic"];
  const dynamic = Array.isArray(dynamicValue) ? dynamicValue.filter((d): d is string => typeof d === "string") : [];
  if (dynamicValue !== undefined && !Array.isArray(dynamicValue))
    report(at("dynamic"), "`[project].dynamic` must be an array of field names");
  if (dynamic.includes("name")) report(at("dynamic"), "`name` cannot be dynamic (PEP 621): it must be written out");
  for (const field of dynamic)
    if (field in project)
      report(at(field), `\`${field}\` is both given and listed in \`dynamic\`: PEP 621 allows one or the other`);

  const name = project["name"];
  if (name === undefined) report(header, "`[project]` has no `name`: every PEP 621 project must name itself");
  else if (typeof name !== "string" || !PROJECT_NAME.test(name))
    report(
      at("name"),
      `\`name = ${JSON.stringify(name)}\` is not a valid project name (PEP 508: letters, digits, \`.\`, \`-\`, \`_\`, starting and ending with a letter or digit)`,
    );

  const version = project["version"];
  if (version === undefined) {
    if (!dynamic.includes("version"))
      report(header, "`[project]` has no `version` and does not list it in `dynamic`: builds will fail");
  } else if (typeof version !== "string" || validVersion(version) === null)
    report(at("version"), `\`version = ${JSON.stringify(version)}\` is not a PEP 440 version`);

  const requires = project["requires-python"];
  if (requires !== undefined && (typeof requires !== "string" || !validRange(requires)))
    report(
      at("requires-python"),
      `\`requires-python = ${JSON.stringify(requires)}\` is not a PEP 440 version specifier (e.g. ">=3.9")`,
    );

  const checkList = (value: unknown, table: string[], key: string, label: string): void => {
    const keyAt = keyLine(text, table, key) ?? tableHeaderLine(text, table) ?? header;
    if (!Array.isArray(value)) {
      report(keyAt, `${label} must be an array of PEP 508 strings`);
      return;
    }
    for (const item of value) {
      if (typeof item !== "string") report(keyAt, `${label} holds a ${typeof item}, not a PEP 508 string`);
      else if (!parseRequirement(item))
        report(
          valueLine(text, table, key, item) ?? keyAt,
          `${JSON.stringify(item)} in ${label} is not a valid PEP 508 requirement`,
        );
    }
  };
  if (project["dependencies"] !== undefined)
    checkList(project["dependencies"], ["project"], "dependencies", "`dependencies`");
  const optional = project["optional-dependencies"];
  if (optional !== undefined) {
    if (!isTable(optional)) report(at("optional-dependencies"), "`optional-dependencies` must be a table of arrays");
    else
      for (const [extra, list] of Object.entries(optional))
        checkList(list, ["project", "optional-dependencies"], extra, `extra \`${extra}\``);
  }
  for (const field of dynamic)
    if (!PEP621_FIELDS.has(field) && field !== "name")
      report(at("dynamic"), `\`dynamic\` lists \`${field}\`, which is not a \`[project]\` field`);
}

export default defineProjectCheck({
  id: "pyproject-invalid",
  codes: [],
  category: "packaging",
  severity: "error",
  type: "bug",
  fix: "never",
  docs: {
    summary: "`pyproject.toml` that is not valid TOML or breaks PEP 621.",
    why: "A `pyproject.toml` that does not parse, or whose `[project]` table has no name, a bad version or a malformed dependency string, fails every `pip install` and build, often far from the commit that broke it. The finding points at the offending line.",
  },
  examples: {
    bad: {
      files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests >= 2.0 <3"]\n' },
    },
    good: {
      files: { "pyproject.toml": '[project]\nname = "acme"\nversion = "1.0"\ndependencies = ["requests>=2.0,<3"]\n' },
    },
  },
  run(ctx) {
    const pyproject = ctx.project.pyproject;
    if (!pyproject) return;
    if (pyproject.error) {
      const { line, column, message } = pyproject.error;
      ctx.report({
        path: pyproject.path,
        line,
        column,
        endColumn: column + 1,
        message: `\`pyproject.toml\` is not valid TOML: ${message.replace(/^Invalid TOML document:\s*/i, "")}`,
      });
      return;
    }
    checkProject(ctx, pyproject);
  },
});
