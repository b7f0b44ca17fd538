import { describe, expect, it } from "@jest/globals";
import type { SyntaxNode } from "tree-sitter";
import { ModuleNames } from "../../src/engine/names.js";
import { parsePython } from "../../src/engine/parser.js";

/** Resolve the function of the last call in `source`. */
function resolveLastCall(source: string): { qualified: string | null; builtin: boolean } {
  const tree = parsePython(source);
  const calls = tree.rootNode.descendantsOfType("call");
  const fn = calls[calls.length - 1]!.childForFieldName("function") as SyntaxNode;
  const names = new ModuleNames(tree);
  return { qualified: names.qualifiedName(fn), builtin: names.isBuiltin(fn) };
}

describe("name resolution", () => {
  it.each([
    ["import time\ntime.sleep(1)\n", "time.sleep"],
    ["import time as t\nt.sleep(1)\n", "time.sleep"],
    ["from time import sleep\nsleep(1)\n", "time.sleep"],
    ["from time import sleep as nap\nnap(1)\n", "time.sleep"],
    ["import os.path\nos.path.join('a')\n", "os.path.join"],
    ["import asyncio as aio\nasync def f():\n    aio.run(main)\n", "asyncio.run"],
    ["def f():\n    import time\n    time.sleep(1)\n", "time.sleep"],
    ["open('x')\n", "open"],
    ["from . import util\nutil.go()\n", ".util.go"],
    // Rebound names resolve to nothing: precision first.
    ["import time\ndef f(time):\n    time.sleep(1)\n", null],
    ["import time\ntime = Fake()\ntime.sleep(1)\n", null],
    ["def open(p): ...\nopen('x')\n", null],
    ["def f():\n    open = lambda p: p\n    open('x')\n", null],
    ["for sleep in xs:\n    sleep()\n", null],
    ["with ctx() as open:\n    open('x')\n", null],
    ["unknown.thing()\n", null],
  ])("%j → %s", (source, expected) => {
    expect(resolveLastCall(source).qualified).toBe(expected);
  });

  it.each([
    ["open('x')\n", true],
    ["def open(p): ...\nopen('x')\n", false],
    ["from io import open\nopen('x')\n", false],
    ["def f(open):\n    open('x')\n", false],
    ["class A:\n    def open(self): ...\n    def g(self):\n        open('x')\n", true],
    ["def f():\n    global open\n    open('x')\n", true],
    ["import builtins\nbuiltins.open('x')\n", true],
    ["if (open := find()):\n    open('x')\n", false],
  ])("isBuiltin %j → %s", (source, expected) => {
    expect(resolveLastCall(source).builtin).toBe(expected);
  });
});
