import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { stringLiteralValue } from "../../src/engine/ast.js";

// The secret word must end the name: `api_token` is one, `token_type` (a parser's) is not.
const SECRET_NAME = /(^|_)(pass(wd|word)?|pwd|secrets?|token|secret_?key|api_?key)$/i;
// Values that name or stand for a secret rather than being one.
const PLACEHOLDER =
  /^(x+|\*+|\.+|-+|<[^>]*>|\{[^}]*\}|\$\{?[\w.]*\}?|%\(?\w*\)?s|your[_ -]?\w*|[A-Z][A-Z0-9_]*|.*\s.*)$/;

function targetName(target: SyntaxNode): string | null {
  if (target.type === "identifier") return target.text;
  if (target.type === "attribute") return target.childForFieldName("attribute")?.text ?? null;
  if (target.type === "subscript") {
    const index = target.childrenForFieldName("subscript");
    return index.length === 1 ? stringLiteralValue(index[0]!) : null;
  }
  return null;
}

export default defineCheck({
  id: "hardcoded-password",
  codes: ["S105"],
  category: "security",
  severity: "warning",
  fix: "never",
  // Test fixtures hold fake credentials on purpose.
  appliesTo: "non-tests",
  docs: {
    summary: "A password-like name (`password`, `secret`, `token`, ...) bound to a string literal.",
    why: "A credential in source code ends up in every clone, fork, backup and log of the repository, and cannot be rotated without a release. Read it from the environment or a secret store.",
    bad: "DB_PASSWORD = 'hunter2'\n",
    good: "import os\n\nDB_PASSWORD = os.environ['DB_PASSWORD']\n",
    differences:
      "Empty strings, obvious placeholders (`'xxx'`, `'<password>'`, `'${TOKEN}'`, text with spaces, ALL_CAPS key names) and values equal to the name itself are not reported, nor are comparisons (`password == '...'`); Ruff reports those.",
  },
  create(ctx) {
    return {
      assignment(node) {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || right?.type !== "string") return;
        const name = targetName(left);
        const value = stringLiteralValue(right);
        if (!name || value === null || !SECRET_NAME.test(name)) return;
        if (
          value === "" ||
          PLACEHOLDER.test(value) ||
          value.toLowerCase() === name.toLowerCase() ||
          SECRET_NAME.test(value)
        )
          return;
        ctx.report({
          node: right,
          message: `\`${name}\` is assigned a hard-coded secret: read it from the environment or a secret store`,
        });
      },
    };
  },
});
