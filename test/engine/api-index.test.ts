// The repository index on small trees given as data: module names from the layout, signatures,
// __all__, imports, call resolution, dynamic names, and the blob cache.
import { describe, expect, it } from "@jest/globals";
import { bindError, compareSignatures, isBreakingRelease } from "../../src/engine/api/compare.js";
import { extractFileIndex } from "../../src/engine/api/extract.js";
import {
  BlobIndexCache,
  buildRepoIndex,
  contentKey,
  declaredViews,
  lookup,
  moduleNameOf,
  provides,
  qualify,
  type IndexFile,
  type Param,
} from "../../src/engine/api/index.js";

const files = (tree: Record<string, string>): IndexFile[] =>
  Object.entries(tree).map(([path, text]) => ({ path, sha: contentKey(text), text }));

describe("module names from the layout", () => {
  it.each([
    ["pkg/mod.py", "pkg.mod", false],
    ["src/pkg/mod.py", "pkg.mod", false],
    ["pkg/__init__.py", "pkg", true],
    ["src/pkg/sub/__init__.py", "pkg.sub", true],
    ["setup.py", "setup", false],
  ])("%s → %s", (path, module, isPackage) => {
    expect(moduleNameOf(path)).toMatchObject({ module, isPackage, source: "source" });
  });

  it.each([
    ["pkg/mod.pyi", "pkg.mod", "stub"],
    ["src/pkg/__init__.pyi", "pkg", "stub"],
    ["pkg-stubs/mod.pyi", "pkg.mod", "stub-package"],
    ["src/pkg-stubs/sub/__init__.pyi", "pkg.sub", "stub-package"],
    ["pkg-stubs/__init__.pyi", "pkg", "stub-package"],
  ])("the stub %s describes %s (%s)", (path, module, source) => {
    expect(moduleNameOf(path)).toMatchObject({ module, source });
  });

  it.each(["docs/conf-old.py", "pkg-stubs/mod.py", "a/pkg-stubs/mod.pyi", "README.md", "2fa/x.py"])(
    "%s is no module",
    (path) => {
      expect(moduleNameOf(path)).toBeNull();
    },
  );

  it("marks modules inside packages, honouring configured namespace packages", () => {
    const repo = buildRepoIndex(
      files({ "src/pkg/__init__.py": "", "src/pkg/a.py": "", "ns/b.py": "", "tools/c.py": "", "top.py": "" }),
      { namespacePackages: ["ns"], cache: new BlobIndexCache() },
    );
    const inPackage = Object.fromEntries([...repo.modules].map(([name, e]) => [name, e.inPackage]));
    expect(inPackage).toEqual({ pkg: true, "pkg.a": true, "ns.b": true, "tools.c": false, top: false });
  });
});

describe("stubs: which file describes a module's declared API", () => {
  const client = (params: string): string => `def fetch(${params}):\n    return url\n`;
  const stub = (params: string): string => `def fetch(${params}) -> str: ...\n`;
  const declared = (base: Record<string, string>, head: Record<string, string>): string[] => {
    const cache = new BlobIndexCache();
    const [b, h] = declaredViews(buildRepoIndex(files(base), { cache }), buildRepoIndex(files(head), { cache }));
    return [b.modules.get("pkg.client")?.path ?? "-", h.modules.get("pkg.client")?.path ?? "-"];
  };
  const init = { "pkg/__init__.py": "" };

  it.each<[string, Record<string, string>, Record<string, string>, string[]]>([
    [
      "a stub beside the module on both sides wins",
      { ...init, "pkg/client.py": client("url"), "pkg/client.pyi": stub("url: str") },
      { ...init, "pkg/client.py": client("url"), "pkg/client.pyi": stub("url: str, timeout: int = ...") },
      ["pkg/client.pyi", "pkg/client.pyi"],
    ],
    [
      "a stub the pull request adds: both sides from the source (like with like)",
      { ...init, "pkg/client.py": client("url") },
      { ...init, "pkg/client.py": client("url"), "pkg/client.pyi": stub("url: str") },
      ["pkg/client.py", "pkg/client.py"],
    ],
    [
      "a `-stubs` package wins over a stub beside the module",
      {
        ...init,
        "pkg/client.py": client("url"),
        "pkg/client.pyi": stub("url"),
        "pkg-stubs/__init__.pyi": "",
        "pkg-stubs/client.pyi": stub("url"),
      },
      {
        ...init,
        "pkg/client.py": client("url"),
        "pkg/client.pyi": stub("url"),
        "pkg-stubs/__init__.pyi": "",
        "pkg-stubs/client.pyi": stub("url"),
      },
      ["pkg-stubs/client.pyi", "pkg-stubs/client.pyi"],
    ],
    [
      "a compiled module has only its stub",
      { ...init, "pkg/client.pyi": stub("url") },
      { ...init, "pkg/client.pyi": stub("url, retries: int") },
      ["pkg/client.pyi", "pkg/client.pyi"],
    ],
    [
      "a compiled module rewritten in Python: its stub at base, its source at head",
      { ...init, "pkg/client.pyi": stub("url") },
      { ...init, "pkg/client.py": client("url") },
      ["pkg/client.pyi", "pkg/client.py"],
    ],
  ])("%s", (_name, base, head, expected) => {
    expect(declared(base, head)).toEqual(expected);
  });

  it("keeps stubs out of the runtime index: imports and calls bind to what runs", () => {
    const repo = buildRepoIndex(
      files({ ...init, "pkg/client.py": client("url"), "pkg/client.pyi": stub("url"), "pkg/_ext.pyi": stub("x") }),
      { cache: new BlobIndexCache() },
    );
    expect([...repo.modules.keys()].sort()).toEqual(["pkg", "pkg.client"]);
    expect(repo.modules.get("pkg.client")?.path).toBe("pkg/client.py");
    expect([...(repo.stubs?.keys() ?? [])].sort()).toEqual(["pkg._ext", "pkg.client"]);
    expect(
      buildRepoIndex(files({ ...init, "pkg/client.py": "" }), { cache: new BlobIndexCache() }).stubs,
    ).toBeUndefined();
  });
});

const sig = (params: Param[]): string => params.map((p) => `${p.name}:${p.kind}${p.hasDefault ? "=" : ""}`).join(" ");

describe("signatures", () => {
  it.each([
    ["def f(a, b=1): pass", "a:positional-or-keyword b:positional-or-keyword="],
    ["def f(a, /, b, *, c, d=2): pass", "a:positional-only b:positional-or-keyword c:keyword-only d:keyword-only="],
    ["def f(*args: int, key: str = 'x', **kw): pass", "args:var-positional key:keyword-only= kw:var-keyword"],
    ["def f(a: int, b: int = 2, /): pass", "a:positional-only b:positional-only="],
    ["async def f(self, *, x): pass", "self:positional-or-keyword x:keyword-only"],
  ])("%s", (source, expected) => {
    const binding = extractFileIndex(`${source}\n`).bindings["f"]![0]!;
    expect(binding.kind === "function" ? sig(binding.def.params) : "").toBe(expected);
  });

  it("reads classes, methods and decorators", () => {
    const index = extractFileIndex(
      "import functools\n\n\n@functools.lru_cache\ndef cached(x):\n    pass\n\n\n@retry(3)\ndef flaky(x):\n    pass\n\n\nclass C(Base):\n    @staticmethod\n    def s(a):\n        pass\n\n    def m(self, b):\n        pass\n",
    );
    const cached = index.bindings["cached"]![0]!;
    const flaky = index.bindings["flaky"]![0]!;
    const cls = index.bindings["C"]![0]!;
    expect(cached.kind === "function" && cached.def.dynamic).toBe(false);
    expect(flaky.kind === "function" && flaky.def.dynamic).toBe(true);
    expect(cls.kind === "class" && Object.keys(cls.def.methods)).toEqual(["s", "m"]);
    expect(cls.kind === "class" && cls.def.bases).toEqual(["Base"]);
  });

  it("reads __all__, imports (relative ones too) and marks dynamic modules", () => {
    const index = extractFileIndex(
      'from . import sib\nfrom ..core import run as go\nimport a.b\n__all__ = ["go", "sib"]\n',
    );
    expect(index.all).toEqual(["go", "sib"]);
    expect(index.imports.map((i) => [i.level, i.module, i.name, i.local])).toEqual([
      [1, "", "sib", "sib"],
      [2, "core", "run", "go"],
      [0, "a.b", null, "a"],
    ]);
    expect(index.dynamic).toBe(false);
    expect(extractFileIndex("def __getattr__(name):\n    pass\n").dynamic).toBe(true);
    expect(extractFileIndex("from x import *\n").dynamic).toBe(true);
    expect(extractFileIndex("__all__ = names()\n").all).toBeNull();
  });
});

describe("resolution across modules", () => {
  const repo = buildRepoIndex(
    files({
      "src/pkg/__init__.py": "from .client import Client, fetch\n",
      "src/pkg/client.py":
        "def fetch(url, timeout=10):\n    pass\n\n\nclass Client:\n    def __init__(self, url):\n        pass\n\n    def close(self):\n        pass\n\n\nget = fetch\n",
      "src/pkg/sub/__init__.py": "",
      "src/pkg/sub/deep.py": "from ..client import fetch as f\n",
      "tests/test_a.py":
        "import pkg.client as c\nimport pkg\nfrom pkg import fetch\nfrom pkg.client import Client\n\nc.fetch(1)\npkg.client.Client(2)\nfetch(3, timeout=1)\nClient.close(x)\n\n\ndef t(fetch):\n    fetch(4)\n\n\nclass S(Client):\n    def close(self):\n        super().close()\n",
      "tests/conftest.py":
        "import pkg.client\nimport pytest\n\n\ndef setup(monkeypatch):\n    monkeypatch.setattr(pkg.client, 'fetch', None)\n",
    }),
    { cache: new BlobIndexCache() },
  );

  it.each([
    ["pkg.fetch", "function", "fetch"],
    ["pkg.client.Client", "class", "Client"],
    ["pkg.client.Client.close", "method", "close"],
    ["pkg.client.get", "function", "fetch"],
    ["pkg.sub.deep.f", "function", "fetch"],
    ["pkg.sub", "module", undefined],
    ["pkg.client.nothing", "missing", undefined],
    ["requests.get", "unknown", undefined],
  ])("%s is a %s", (name, kind, defName) => {
    const resolved = lookup(repo, name);
    expect(resolved.kind).toBe(kind);
    if (defName) expect("def" in resolved ? resolved.def.name : null).toBe(defName);
  });

  it("resolves call sites through the caller's imports; a shadowing parameter is not resolved", () => {
    const caller = repo.byPath.get("tests/test_a.py")!;
    const calls = caller.index.calls.map((c) =>
      c.superOf ? `super().${c.superOf.method}` : qualify(caller, c.callee),
    );
    expect(calls).toEqual([
      "pkg.client.fetch",
      "pkg.client.Client",
      "pkg.fetch",
      "pkg.client.Client.close",
      "super().close",
    ]);
  });

  it("collects monkeypatched names and what modules provide", () => {
    expect(repo.dynamicNames.has("pkg.client.fetch")).toBe(true);
    expect(provides(repo, "pkg", "fetch")).toBe("yes");
    expect(provides(repo, "pkg", "sub")).toBe("yes");
    expect(provides(repo, "pkg.client", "gone")).toBe("no");
    expect(provides(repo, "pkg.gone", "x")).toBe("no-module");
  });
});

describe("the blob cache", () => {
  it("re-parses only blobs it does not hold: a second push costs the changed files", () => {
    const cache = new BlobIndexCache();
    const tree: Record<string, string> = {};
    for (let i = 0; i < 20; i++) tree[`pkg/m${i}.py`] = `def f${i}(a):\n    pass\n`;
    tree["pkg/__init__.py"] = "";
    buildRepoIndex(files(tree), { cache });
    expect(cache.parsed).toBe(21);
    buildRepoIndex(files({ ...tree, "pkg/m3.py": "def f3(a, b):\n    pass\n", "pkg/m4.py": "x = 1\n" }), { cache });
    expect(cache.parsed).toBe(23);
    // Without the text, a cached blob is still indexed.
    const known = buildRepoIndex(
      Object.entries(tree).map(([path, text]) => ({ path, sha: contentKey(text) })),
      { cache },
    );
    expect(known.modules.get("pkg.m7")?.index.bindings["f7"]).toHaveLength(1);
  });

  it("stays within its byte bound, dropping the least recently used entries", () => {
    const cache = new BlobIndexCache(4000);
    for (let i = 0; i < 50; i++) {
      const text = `def f${i}(a, b, c):\n    pass\n`;
      buildRepoIndex([{ path: `m${i}.py`, sha: contentKey(text), text }], { cache });
    }
    expect(cache.bytes).toBeLessThanOrEqual(4000);
    expect(cache.count).toBeGreaterThan(0);
    expect(cache.has(contentKey("def f0(a, b, c):\n    pass\n"))).toBe(false);
    expect(cache.has(contentKey("def f49(a, b, c):\n    pass\n"))).toBe(true);
  });
});

describe("comparing signatures and calls", () => {
  const params = (source: string): Param[] => {
    const b = extractFileIndex(`${source}\n`).bindings["f"]![0]!;
    return b.kind === "function" ? b.def.params : [];
  };
  it.each([
    ["def f(a, b=1): pass", "def f(a, b=1, c=2): pass", ["+new optional parameter `c`"]],
    ["def f(a, b=1): pass", "def f(a, c=1): pass", ["!parameter `b` renamed to `c`"]],
    ["def f(a, b=1): pass", "def f(a): pass", ["!parameter `b` removed"]],
    ["def f(a, b=1): pass", "def f(a, **kw): pass", ["!parameter `b` removed", "+now accepts `**kw`"]],
    ["def f(a, *, b=1): pass", "def f(a, **kw): pass", ["+now accepts `**kw`"]],
    ["def f(a, b=1): pass", "def f(a, *, b=1): pass", ["!`b` can no longer be passed by position"]],
    ["def f(a, b=1): pass", "def f(a, /, b=1): pass", ["!`a` can no longer be passed by keyword"]],
    ["def f(a, b=1): pass", "def f(a, b): pass", ["!`b` is now required"]],
    ["def f(a, b): pass", "def f(b, a): pass", ["!`a` moved from position 1 to 2", "!`b` moved from position 2 to 1"]],
    ["def f(a): pass", "def f(a, b): pass", ["!new required parameter `b`"]],
  ])("%s → %s", (before, after, expected) => {
    const changes = compareSignatures(params(before), params(after)).map((c) => `${c.breaking ? "!" : "+"}${c.text}`);
    expect(changes).toEqual(expected);
  });

  it.each([
    ["def f(a, b=1): pass", 1, [], null],
    ["def f(a, b=1): pass", 1, ["c"], "no longer accepts the keyword `c`"],
    ["def f(a, *, b=1): pass", 2, [], "takes 1 positional argument but the call passes 2"],
    ["def f(a, b): pass", 1, [], "the new required parameter `b` is not passed"],
    ["def f(a, **kw): pass", 1, ["z"], null],
    ["def f(a, b=1): pass", 2, ["b"], "`b` is given by position and by keyword"],
  ])("%s called with %i positional and %j", (source, positional, keywords, expected) => {
    expect(bindError(params(source), positional, keywords)).toBe(expected);
  });

  it.each([
    ["1.4.2", "2.0.0", true],
    ["1.4.2", "1.5.0", false],
    ["0.4.1", "0.5.0", true],
    ["0.4.1", "0.4.2", false],
    [null, "1.0", false],
  ])("%s → %s is a breaking release: %s", (before, after, expected) => {
    expect(isBreakingRelease(before, after)).toBe(expected);
  });
});

describe("names that are also Object.prototype members", () => {
  it("indexes a module binding `constructor` and a method `toString`", () => {
    const index = extractFileIndex("constructor = 1\n\n\nclass C:\n    def toString(self):\n        pass\n");
    expect(index.bindings["constructor"]).toHaveLength(1);
    const cls = index.bindings["C"]![0]!;
    expect(cls.kind === "class" && Object.keys(cls.def.methods)).toEqual(["toString"]);
    expect(extractFileIndex("x = 1\n").bindings["hasOwnProperty"]).toBeUndefined();
  });
});
