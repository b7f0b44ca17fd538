// Taste rules speak only where the codebase has that taste: the team asked for the rule (its
// config, its Ruff/flake8 selection, strict typing), or the file's own unchanged code follows the
// convention (at least 90% of at least 5 constructs) and the new code does not.
import { describe, expect, it } from "@jest/globals";
import { allChecks } from "../../checks/index.js";
import { resolveConfig } from "../../src/engine/config/resolve.js";
import { runEngine } from "../../src/engine/engine.js";
import type { ProjectInput } from "../../src/engine/project.js";

const annotated = (name: string): string => `def ${name}(value: int) -> int:\n    return value\n\n\n`;
const bare = (name: string): string => `def ${name}(value):\n    return value\n\n\n`;
const many = (n: number, make: (name: string) => string, prefix = "old"): string =>
  Array.from({ length: n }, (_, i) => make(`${prefix}_${i}`)).join("");
const linesOf = (text: string): number => text.split("\n").length - 1;

interface Row {
  name: string;
  /** Code the change did not touch, then the new code the change appends. */
  old: string;
  added?: string;
  /** Without a diff (`peptalk check`), the whole file is judged. */
  noDiff?: boolean;
  config?: unknown;
  project?: ProjectInput;
  select?: string[];
  path?: string;
  /** "line rule" of each annotation finding. */
  expected: string[];
}

const ANNOTATION_RULES = ["missing-parameter-annotation", "missing-return-annotation"];
const pyproject = (text: string): ProjectInput => ({ files: { "pyproject.toml": text } });
/** The module under test in a package that ships a `py.typed` marker. */
const TYPED_PACKAGE: ProjectInput = { paths: ["pkg/__init__.py", "pkg/module.py", "pkg/py.typed"] };

async function annotationFindings(row: Row): Promise<{ findings: string[]; facts: string[] }> {
  const path = row.path ?? "pkg/module.py";
  const source = row.old + (row.added ?? "");
  const first = linesOf(row.old) + 1;
  const changedLines = Array.from({ length: linesOf(row.added ?? "") }, (_, i) => first + i);
  const result = await runEngine(
    {
      files: [{ path, content: source }],
      config: resolveConfig(row.config ?? {}, { rules: allChecks }).config,
      ...(row.project ? { project: row.project } : {}),
      ...(row.select ? { select: row.select } : {}),
      ...(row.noDiff ? {} : { changedLines: { [path]: changedLines } }),
    },
    allChecks.filter((c) => ANNOTATION_RULES.includes(c.id)),
  );
  return {
    findings: result.findings.map((f) => `${f.line} ${f.rule}`),
    facts: result.houseStyle.map((f) => `${f.rule}: ${f.text}${f.holds ? "" : " (does not hold)"}`),
  };
}

const NEW_AT_21 = ["21 missing-parameter-annotation", "21 missing-return-annotation"];

const rows: Row[] = [
  {
    name: "a new unannotated function in a module whose other functions are all annotated",
    old: many(5, annotated),
    added: bare("added"),
    expected: NEW_AT_21,
  },
  {
    name: "a new unannotated function in a module that annotates nothing",
    old: many(5, bare),
    added: bare("added"),
    expected: [],
  },
  {
    name: "4 annotated functions are too few to call annotations the house style",
    old: many(4, annotated),
    added: bare("added"),
    expected: [],
  },
  {
    name: "9 of 11 annotated (82%) is not the house style",
    old: many(9, annotated) + many(2, bare, "legacy"),
    added: bare("added"),
    expected: [],
  },
  {
    name: "an old unannotated function the change did not touch is not reported",
    old: many(10, annotated) + bare("legacy"),
    added: annotated("added"),
    expected: [],
  },
  {
    name: "new code is not evidence: a new module is judged by nothing",
    old: "",
    added: many(6, annotated) + bare("added"),
    expected: [],
  },
  {
    name: "without a diff, the outlier of a file that otherwise annotates is reported",
    old: many(9, annotated) + bare("legacy"),
    noDiff: true,
    expected: ["37 missing-parameter-annotation", "37 missing-return-annotation"],
  },
  {
    name: "exactly 90% (27 of 30) holds",
    old: many(27, annotated) + many(3, bare, "legacy"),
    noDiff: true,
    expected: [109, 113, 117].flatMap((l) => [`${l} missing-parameter-annotation`, `${l} missing-return-annotation`]),
  },
  {
    name: "just under 90% (26 of 29 after one more outlier) does not",
    old: many(26, annotated) + many(3, bare, "legacy"),
    noDiff: true,
    expected: [],
  },
  {
    name: "vendored code keeps its upstream's style: no house style is inferred there",
    old: many(9, annotated) + bare("legacy"),
    noDiff: true,
    path: "pkg/_vendor/lib/module.py",
    expected: [],
  },
  {
    name: "vendored code on a pull request (a third_party/ directory)",
    old: many(5, annotated),
    added: bare("added"),
    path: "third_party/lib/module.py",
    expected: [],
  },
  {
    name: "a module merely named like a vendor directory is not vendored",
    old: many(5, annotated),
    added: bare("added"),
    path: "pkg/vendor.py",
    expected: NEW_AT_21,
  },
  {
    name: "team-selected: Ruff selects ANN, reported regardless of the file",
    old: many(5, bare),
    added: bare("added"),
    project: pyproject('[tool.ruff.lint]\nselect = ["E", "F", "ANN"]\n'),
    // Asked for, a taste rule reports as a bug rule does: the planner keeps the new lines' findings.
    expected: [1, 5, 9, 13, 17, 21].flatMap((l) => [
      `${l} missing-parameter-annotation`,
      `${l} missing-return-annotation`,
    ]),
  },
  {
    name: "Ruff selecting A (flake8-builtins) does not select ANN",
    old: many(5, bare),
    added: bare("added"),
    project: pyproject('[tool.ruff.lint]\nselect = ["A", "ANN401"]\n'),
    expected: [],
  },
  {
    name: "team-selected: flake8 selects ANN (flake8-annotations)",
    old: many(5, bare),
    added: bare("added"),
    project: { files: { "setup.cfg": "[flake8]\nselect = E,F,W,ANN\n" } },
    expected: [1, 5, 9, 13, 17, 21].flatMap((l) => [
      `${l} missing-parameter-annotation`,
      `${l} missing-return-annotation`,
    ]),
  },
  {
    name: "flake8's default selection (E, F, W, C90) does not ask for ANN",
    old: many(5, bare),
    added: bare("added"),
    project: { files: { "setup.cfg": "[flake8]\nmax-line-length = 100\n" } },
    expected: [],
  },
  {
    name: "a py.typed marker in the package decides a new module, which has no code of its own to judge by",
    old: "",
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "a py.typed marker decides beside 4 annotated functions (too few to judge by)",
    old: many(4, annotated),
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: ["17 missing-parameter-annotation", "17 missing-return-annotation"],
  },
  {
    name: "a py.typed marker does not decide beside 4 unannotated functions: the file's code says otherwise",
    old: many(4, bare),
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed, without a diff: a small module's one unannotated function among 2 annotated ones is not reported",
    old: many(2, annotated) + bare("legacy"),
    noDiff: true,
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "a py.typed marker at the root of what is checked (the package itself)",
    old: "",
    added: bare("added"),
    path: "module.py",
    project: { paths: ["__init__.py", "module.py", "py.typed"] },
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "py.typed: a module whose only code is private, unannotated helpers gives the promise nothing to stand on",
    old: "def _helper(value):\n    return value\n\n\nclass Formatter:\n    def __init__(self, **options):\n        self.options = options\n\n\n",
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed: a function without a return annotation contradicts the promise for parameters too",
    old: "def reset_all():\n    pass\n\n\n",
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed: private helpers are not counted, annotated or not: a module of them is unjudged, and silent",
    old: "def _helper(value: int) -> int:\n    return value\n\n\n",
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed is a promise, not proof: a module of a typed package that annotates nothing is not asked to",
    old: many(5, bare),
    added: bare("added"),
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed, without a diff: the existing functions of a module that annotates nothing are not reported",
    old: many(6, bare),
    noDiff: true,
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed, without a diff: a module that annotates a third of its functions is not the house style",
    old: many(2, annotated) + many(4, bare, "legacy"),
    noDiff: true,
    project: TYPED_PACKAGE,
    expected: [],
  },
  {
    name: "py.typed and a module that annotates: the outlier is reported, as without the marker",
    old: many(9, annotated) + bare("legacy"),
    noDiff: true,
    project: TYPED_PACKAGE,
    expected: ["37 missing-parameter-annotation", "37 missing-return-annotation"],
  },
  {
    name: "strict mypy and a module whose own code annotates nothing (a per-module override or exclude)",
    old: many(5, bare),
    added: bare("added"),
    project: pyproject("[tool.mypy]\nstrict = true\n"),
    expected: [],
  },
  {
    name: "a py.typed marker of another package says nothing about this one",
    old: many(5, bare),
    added: bare("added"),
    project: { paths: ["pkg/module.py", "other/py.typed"] },
    expected: [],
  },
  {
    name: "strict mypy in pyproject.toml",
    old: "",
    added: bare("added"),
    project: pyproject("[tool.mypy]\nstrict = true\n"),
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "mypy disallow_untyped_defs in mypy.ini",
    old: "",
    added: bare("added"),
    project: { files: { "mypy.ini": "[mypy]\ndisallow_untyped_defs = True\n" } },
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "strict pyright in pyrightconfig.json",
    old: "",
    added: bare("added"),
    project: { files: { "pyrightconfig.json": '{\n  // strict everywhere\n  "typeCheckingMode": "strict"\n}\n' } },
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "a lenient mypy config asks for nothing",
    old: "",
    added: bare("added"),
    project: pyproject("[tool.mypy]\nstrict = false\nwarn_unused_ignores = true\n"),
    expected: [],
  },
  {
    name: "the team's peptalk config names the category",
    old: "",
    added: bare("added"),
    config: { rules: { typing: "warning" } },
    expected: ["1 missing-parameter-annotation", "1 missing-return-annotation"],
  },
  {
    name: "the team's peptalk config names the rule",
    old: "",
    added: bare("added"),
    config: { rules: { "missing-return-annotation": "info" } },
    expected: ["1 missing-return-annotation"],
  },
  {
    name: "--select names the rule",
    old: "",
    added: bare("added"),
    select: ["ANN201"],
    expected: ["1 missing-return-annotation"],
  },
];

describe("house style", () => {
  it.each(rows.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    expect((await annotationFindings(row)).findings.sort()).toEqual([...row.expected].sort());
  });

  it("says what it inferred, for the check run's summary and `peptalk check`", async () => {
    const { facts } = await annotationFindings(rows[0]!);
    expect(facts).toEqual([
      "missing-parameter-annotation: 5 of 5 public functions annotate their parameters",
      "missing-return-annotation: 5 of 5 public functions have a return annotation",
    ]);
    const promised = await annotationFindings(
      rows.find((r) => r.name.startsWith("a py.typed marker decides beside 4 annotated"))!,
    );
    expect(promised.facts).toEqual([
      "missing-parameter-annotation: 4 of 4 public functions annotate their parameters (too few to judge by; pkg/py.typed marks the package as typed)",
      "missing-return-annotation: 4 of 4 public functions have a return annotation (too few to judge by; pkg/py.typed marks the package as typed)",
    ]);
    const quiet = await annotationFindings(rows[3]!);
    expect(quiet.facts).toEqual([
      "missing-parameter-annotation: 9 of 11 public functions annotate their parameters (does not hold)",
      "missing-return-annotation: 9 of 11 public functions have a return annotation (does not hold)",
    ]);
  });
});

describe("the team's linter selection", () => {
  const lambdaFindings = async (project: ProjectInput) => {
    const config = resolveConfig({}, { rules: allChecks }).config;
    const check = allChecks.filter((c) => c.id === "lambda-assignment");
    const files = [{ path: "pkg/module.py", content: "key = lambda item: item[1]\n" }];
    return (await runEngine({ files, config, project }, check)).findings.map((f) => f.rule);
  };

  it.each([
    [
      "a Ruff config without select: Ruff's defaults (E4, E7, E9, F) have E731",
      { "ruff.toml": "line-length = 100\n" },
      1,
    ],
    ["a Ruff select without E7", { "ruff.toml": '[lint]\nselect = ["F", "B"]\n' }, 0],
    ["a Ruff config ignoring E731", { "pyproject.toml": '[tool.ruff.lint]\nignore = ["E731"]\n' }, 0],
    [
      "a flake8 section without select: flake8's defaults have E731",
      { "tox.ini": "[flake8]\nmax-line-length = 100\n" },
      1,
    ],
    ["a flake8 select of F only", { ".flake8": "[flake8]\nselect = F\n" }, 0],
    ["no linter config", {}, 0],
  ])("%s", async (_name, files, expected) => {
    expect(await lambdaFindings({ files })).toHaveLength(expected);
  });
});

/** For each rule that counts its convention: a construct that follows it, and one that does not. */
const CONVENTIONS: {
  rule: string;
  follows: string;
  departs: string;
  path?: string;
  python?: string;
  /** The rule speaks only about lines a diff adds (HouseStyleSpec.newCodeOnly). */
  newCodeOnly?: boolean;
}[] = [
  { rule: "function-name", follows: "def load_{i}():\n    pass\n", departs: "def loadAll():\n    pass\n" },
  { rule: "class-name", follows: "class Model{i}:\n    pass\n", departs: "class my_model:\n    pass\n" },
  {
    rule: "argument-name",
    follows: "def load_{i}(path):\n    pass\n",
    departs: "def load(filePath):\n    pass\n",
  },
  {
    rule: "exception-name",
    follows: "class Bad{i}Error(ValueError):\n    pass\n",
    departs: "class Invalid(ValueError):\n    pass\n",
    newCodeOnly: true,
  },
  {
    rule: "self-first-argument",
    follows: "class A{i}:\n    def m(self):\n        pass\n",
    departs: "class B:\n    def m(this):\n        pass\n",
  },
  { rule: "printf-formatting", follows: "a{i} = f'{x}!'\n", departs: "b = '%s!' % x\n" },
  { rule: "printf-formatting", follows: "a{i} = '{}!'.format(x)\n", departs: "b = '%s!' % x\n" },
  {
    rule: "deprecated-typing-alias",
    follows: "def f{i}(x: list[int]) -> None: ...\n",
    departs: "from typing import List\ndef g(x: List[int]) -> None: ...\n",
  },
  {
    rule: "optional-to-union",
    follows: "def f{i}(x: int | None) -> None: ...\n",
    departs: "from typing import Optional\ndef g(x: Optional[int]) -> None: ...\n",
    python: "3.10",
  },
  {
    rule: "super-with-arguments",
    follows: "class A{i}(Base):\n    def __init__(self):\n        super().__init__()\n",
    departs: "class B(Base):\n    def __init__(self):\n        super(B, self).__init__()\n",
  },
  { rule: "object-inheritance", follows: "class A{i}:\n    pass\n", departs: "class B(object):\n    pass\n" },
  {
    rule: "parent-relative-import",
    follows: "from pkg.sub{i} import x{i}\n",
    departs: "from .. import y\n",
    path: "pkg/sub/module.py",
  },
  { rule: "not-in-test", follows: "a{i} = x not in y\n", departs: "b = not x in y\n" },
  { rule: "not-is-test", follows: "a{i} = x is not y\n", departs: "b = not x is y\n" },
  {
    rule: "raise-without-from",
    follows: "try:\n    f()\nexcept KeyError as e{i}:\n    raise ValueError({i}) from e{i}\n",
    departs: "try:\n    g()\nexcept KeyError:\n    raise ValueError(0)\n",
  },
  {
    rule: "yield-from",
    follows: "def gen{i}(xs):\n    yield from xs\n",
    departs: "def loop(xs):\n    for x in xs:\n        yield x\n",
  },
  {
    rule: "zip-without-strict",
    follows: "p{i} = zip(a, b, strict=True)\n",
    departs: "q = zip(a, b)\n",
    python: "3.10",
  },
  { rule: "lambda-assignment", follows: "def f{i}(x):\n    return x\n", departs: "g = lambda x: x\n" },
  {
    rule: "unittest-assertion",
    follows: "def test_{i}():\n    assert f() == {i}\n",
    departs: "import pytest\nclass TestA:\n    def test_b(self):\n        self.assertEqual(f(), 1)\n",
    path: "tests/test_module.py",
  },
];

describe("each counting taste rule infers its convention", () => {
  it.each(CONVENTIONS.map((c) => [c.rule, c] as const))("%s", async (rule, c) => {
    const path = c.path ?? "pkg/module.py";
    // As if on by default (several ship off), and with a known target Python (version-dependent
    // rules stay quiet without one): neither counts as the team asking for the rule.
    const check = allChecks.filter((k) => k.id === rule).map((k) => ({ ...k, severity: "warning" as const }));
    const resolved = resolveConfig({ python: c.python ?? "3.12" }, { rules: check }).config;
    const config = { ...resolved, severities: { ...resolved.severities, [rule]: "warning" as const } };
    // The departing construct is appended; with a diff, as the lines the change adds.
    const run = async (kept: string, withDiff = false) => {
      const source = `${kept}\n${c.departs}`;
      const first = kept.split("\n").length + 1;
      const added = Array.from({ length: c.departs.split("\n").length - 1 }, (_, i) => first + i);
      const changedLines = withDiff ? { changedLines: { [path]: added } } : {};
      return (await runEngine({ files: [{ path, content: source }], config, ...changedLines }, check)).findings.map(
        (f) => f.rule,
      );
    };
    const following = Array.from({ length: 9 }, (_, i) => c.follows.replaceAll("{i}", String(i))).join("\n");
    const few = Array.from({ length: 3 }, (_, i) => c.follows.replaceAll("{i}", String(i))).join("\n");
    // 9 constructs follow the convention, the new one is reported...
    expect(await run(following, true)).toEqual([rule]);
    // ...and not where too few constructs show it.
    expect(await run(few, true)).toEqual([]);
    // Judged whole (no diff): the outlier is reported, unless the rule is about new code only.
    expect(await run(following)).toEqual(c.newCodeOnly ? [] : [rule]);
    expect(await run(few)).toEqual([]);
  });
});
