import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import type { SyntaxNode } from "tree-sitter";
import {
  BudgetExceeded,
  countSyntaxErrors,
  indexNodesOfTypes,
  parsePython,
  withDeadline,
} from "../../src/engine/parser.js";
import { fixParses } from "../../src/engine/fix.js";
import { LineIndex } from "../../src/engine/text.js";

// Non-ASCII text before the nodes: positions are UTF-16 code units, as everywhere in peptalk.
const SOURCE = 'name = "héllo 🐍"\n\ndef f(x):\n    return g(x, "ü")\n';

describe("parsed nodes", () => {
  it("read positions and ids without native calls that agree with the text", () => {
    const tree = parsePython(SOURCE);
    const call = tree.rootNode.descendantsOfType("call")[0]!;
    expect(call.text).toBe('g(x, "ü")');
    expect(SOURCE.slice(call.startIndex, call.endIndex)).toBe('g(x, "ü")');
    expect(call.startPosition).toEqual({ row: 3, column: 11 });
    expect(call.endPosition).toEqual({ row: 3, column: 20 });
    const snake = tree.rootNode.descendantsOfType("string")[0]!;
    expect(snake.startIndex).toBe(7);
    expect(snake.endIndex).toBe(SOURCE.indexOf("\n"));
    expect(typeof call.id).toBe("number");
  });

  it("are one object per node, however they are reached", () => {
    const tree = parsePython(SOURCE);
    const call = tree.rootNode.descendantsOfType("call")[0]!;
    const ret = call.parent!;
    expect(ret.type).toBe("return_statement");
    expect(ret.namedChildren[0]).toBe(call);
    expect(ret.child(1)).toBe(call);
    expect(call.childForFieldName("arguments")!.parent!.parent).toBe(ret);
    const fn = tree.rootNode.descendantsOfType("function_definition")[0]!;
    expect(fn.childForFieldName("body")!.namedChild(0)).toBe(ret);
    expect(tree.rootNode.namedChildren[1]).toBe(fn);
    expect(tree.rootNode.descendantsOfType("return_statement")[0]).toBe(ret);
    expect(call.id).toBe(ret.namedChildren[0]!.id);
  });
});

describe("fix verification", () => {
  const errorsBefore = countSyntaxErrors(parsePython(SOURCE).rootNode);
  const index = new LineIndex(SOURCE);
  const at = (needle: string): number => SOURCE.indexOf(needle);
  const cases: [string, { start: number; end: number; text: string }[], boolean][] = [
    ["a same-line replacement", [{ start: at("g(x"), end: at("g(x") + 1, text: "h" }], true],
    [
      "a replacement that adds lines",
      [{ start: at("return"), end: at("return"), text: "y = 1\n    if y:\n        pass\n    " }],
      true,
    ],
    [
      "edits on several lines at once",
      [
        { start: at("name"), end: at("name") + 4, text: "label" },
        { start: at("g(x"), end: at("g(x") + 1, text: "compute" },
      ],
      true,
    ],
    ["an edit that breaks the file", [{ start: at("def f"), end: at("def f") + 3, text: "def (" }], false],
    [
      "an edit after non-ASCII text that breaks the file",
      [{ start: at('"ü"'), end: at('"ü"') + 3, text: '"ü' }],
      false,
    ],
  ];

  it.each(cases)("re-parsing incrementally judges %s as a full parse does", (_, edits, parses) => {
    expect(fixParses(SOURCE, edits, errorsBefore)).toBe(parses);
    const tree = parsePython(SOURCE);
    expect(fixParses(SOURCE, edits, errorsBefore, { tree, index })).toBe(parses);
  });
});

describe("descendantsOfType answered from the runner's node index", () => {
  const fixtures = ["idioms_realistic.py", "typing_naming_realistic.py", "idioms-group3.py"].map((name) =>
    readFileSync(new URL(`../fixtures/python/${name}`, import.meta.url), "utf8"),
  );
  // Same-span parents (`expression_statement` around a call), nesting, a MISSING node (empty
  // span) and an ERROR region.
  const tricky =
    "f(g(h(1)))\nx = [y for y in f(z)]\ndef a():\n    def b():\n        return c(d)\n    b(\nclass K:\n    m = n()\n";
  const spans = (nodes: readonly SyntaxNode[]): string[] => nodes.map((n) => `${n.type}@${n.startIndex}-${n.endIndex}`);
  const allNodes = (root: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = [root];
    for (let i = 0; i < out.length; i++) out.push(...out[i]!.children);
    return out;
  };
  const indexed = [
    "call",
    "assignment",
    "function_definition",
    "class_definition",
    "expression_statement",
    "return_statement",
  ];

  it.each([...fixtures, tricky].map((source, i) => [i, source] as const))(
    "source %i: same nodes as tree-sitter's own walk",
    (_, source) => {
      const plain = parsePython(source);
      const fast = parsePython(source);
      indexNodesOfTypes(fast, indexed);
      const plainNodes = allNodes(plain.rootNode);
      const fastNodes = allNodes(fast.rootNode);
      expect(fastNodes).toHaveLength(plainNodes.length);
      for (const types of [
        ["call"],
        ["function_definition", "class_definition"],
        indexed,
        ["expression_statement", "call"],
      ])
        for (let i = 0; i < plainNodes.length; i++)
          expect(spans(fastNodes[i]!.descendantsOfType(types))).toEqual(spans(plainNodes[i]!.descendantsOfType(types)));
      // A type outside the index still goes to tree-sitter.
      expect(spans(fast.rootNode.descendantsOfType("identifier"))).toEqual(
        spans(plain.rootNode.descendantsOfType("identifier")),
      );
    },
  );
});

describe("parse budget", () => {
  it("stops a parse at the deadline with BudgetExceeded, and the next parse starts afresh", () => {
    const slow = "def f(\n".repeat(40_000);
    expect(() => withDeadline(performance.now() + 100, 100, () => parsePython(slow))).toThrow(BudgetExceeded);
    expect(parsePython("x = 1\n").rootNode.toString()).toBe(
      "(module (expression_statement (assignment left: (identifier) right: (integer))))",
    );
  });
});

describe("parents remembered by children", () => {
  it("agree with tree-sitter's own answer for every node", () => {
    const source =
      "x = (a or (b and [c for c in d if e]))\nclass K:\n    def m(self, *a): return {k: v for k, v in a}\n".repeat(50);
    const label = (n: SyntaxNode | null) => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : "none");
    // Reached from the root through `children`: parents come from the walk.
    const adopted: string[] = [];
    const pending = [parsePython(source).rootNode];
    for (let n = pending.pop(); n; n = pending.pop()) {
      adopted.push(`${label(n)} in ${label(n.parent)}`);
      pending.push(...[...n.children].reverse());
    }
    // Reached by a cursor: every parent is asked of tree-sitter.
    const native: string[] = [];
    const cursor = parsePython(source).walk();
    for (let more = true; more;) {
      const n = cursor.currentNode;
      native.push(`${label(n)} in ${label(n.parent)}`);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling())
        if (!cursor.gotoParent()) {
          more = false;
          break;
        }
    }
    expect(adopted).toEqual(native);
  });
});
