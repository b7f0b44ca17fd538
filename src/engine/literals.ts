// Literal values, shared by the comparison checks (is-literal, bool-comparison).
import type { SyntaxNode } from "tree-sitter";
import { unparenthesize } from "./ast.js";

/**
 * A str/bytes/number literal, or a tuple of them: a constant that is not a singleton
 * (`None`, `True`, `False`, `...` are). f-strings and t-strings build values at run time.
 */
export function isConstantLiteral(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  switch (n.type) {
    case "string":
      return !/[fFtT]/.test(n.child(0)?.text ?? "");
    case "concatenated_string":
      return n.namedChildren.every(isConstantLiteral);
    case "integer":
    case "float":
      return true;
    case "tuple":
      return n.namedChildren.every(isConstantLiteral);
    default:
      return false;
  }
}
