import type { SyntaxNode } from "tree-sitter";
import { defineCheck } from "../../src/engine/check.js";
import { stringLiteralValue } from "../../src/engine/ast.js";

// The secret word must end the name: `api_token` is one, `token_type` (a parser's) is not.
const SECRET_NAME = /(^|_)(pass(wd|word)?|pwd|secrets?|token|secret_?key|api_?key)$/i;
// Values that name or stand for a secret rather than being one.
const PLACEHOLDER =
  /^(x+|\*+|\.+|-+|<[^>]*>|\{[^}]*\}|\$\{?[\w.]*\}?|%\(?\w*\)?s|your[_ -]?\w*|[A-Z][A-Z0-9_]*|.*\s.*)$/;

// A value that mentions a secret word names a field or a key (`"pageToken"`, `"AWSSecretKey"`,
// `"notasecret"`); a real credential does not describe itself.
const NAMES_A_SECRET = /pass(wd|word)?|pwd|secret|token|key|auth|cred/i;
// Stand-in words used where a value is required but meaningless.
const STAND_IN =
  /^(no_?matter|change_?me|dummy|fake|test(ing)?|example|sample|none|null|todo|tbd|placeholder|redacted|unused|default|secret)$/i;

/** Not a credential: lexer tokens and patterns (`'>'`, `r'[^\W\d]\w*'`), stand-in words, field names. */
function isNotASecret(value: string): boolean {
  return (
    value.length < 3 ||
    !/[A-Za-z0-9]/.test(value) ||
    value.includes("\\") ||
    STAND_IN.test(value) ||
    NAMES_A_SECRET.test(value)
  );
}

const PASSWORD_NAME = /(^|_)(pass(wd|word)?|pwd)$/i;

/**
 * Not a credential by its shape: a regular expression (`NUMBER_TOKEN = r'[0-9@#.,E+]'`), a numeric
 * reply code (`USR_NAME_OK_NEED_PASS = "331.1"`), a sentinel (`_DEFAULT_TOKEN = "_sa_default"`).
 */
function shapedLikeNonSecret(value: string, literal: SyntaxNode): boolean {
  const raw = /^[a-zA-Z]*[rR]/.test(literal.text);
  if (raw || /[[\]()*+?^$|]/.test(value)) return true;
  if (/^[\d.:,-]+$/.test(value)) return true;
  return /^_/.test(value) || /^[a-z]+(?:_[a-z]+)+$/.test(value);
}

/** For `token`/`secret`/`key` names a value must look generated: long, letters and digits mixed. */
function looksGenerated(value: string): boolean {
  return value.length >= 16 && /[A-Za-z]/.test(value) && /\d/.test(value) && !/\s/.test(value);
}

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
  type: "bug",
  fix: "never",
  // Test fixtures hold fake credentials on purpose.
  appliesTo: "non-tests",
  docs: {
    summary: "A password-like name (`password`, `secret`, `token`, ...) bound to a string literal.",
    why: "A credential in source code ends up in every clone, fork, backup and log of the repository, and cannot be rotated without a release. Read it from the environment or a secret store.",
    bad: "DB_PASSWORD = 'hunter2'\n",
    good: "import os\n\nDB_PASSWORD = os.environ['DB_PASSWORD']\n",
    differences:
      "Empty strings, obvious placeholders (`'xxx'`, `'<password>'`, `'${TOKEN}'`, text with spaces, ALL_CAPS key names, stand-ins like `'dummy'`), values that mention a secret word (`'pageToken'`, `'notasecret'`: field names, not credentials), punctuation and regular expressions (a lexer's `end_token = '>'`) and values equal to the name itself are not reported, nor are comparisons (`password == '...'`); nor values shaped like something else (a regular expression or raw string, a numeric reply code like `'331.1'`, a sentinel like `'_sa_default'` or `'snake_case_name'`); and for `token`/`secret`/`key` names only a value that looks generated (16+ characters mixing letters and digits) is reported. Ruff reports those.",
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
          SECRET_NAME.test(value) ||
          isNotASecret(value) ||
          shapedLikeNonSecret(value, right)
        )
          return;
        // A password may be any word; a token or key worth the name is a long generated string.
        if (!PASSWORD_NAME.test(name) && !looksGenerated(value)) return;
        ctx.report({
          node: right,
          message: `\`${name}\` is assigned a hard-coded secret: read it from the environment or a secret store`,
        });
      },
    };
  },
});
