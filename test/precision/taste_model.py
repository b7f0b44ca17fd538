"""Estimates what issue 12's taste model leaves of four taste rules (docs/precision.md).

A taste rule speaks only where the file's own code follows the convention: at least 90% of at least
5 comparable constructs. This counts those constructs per file with Python's `ast` and keeps a finding
only when its file passes. It reads the `peptalk check --format json` reports the sampler reads.

Usage: python3 test/precision/taste_model.py REPORT_DIR > left.json
A report named `stdlib-*.json` is resolved against the running Python's stdlib, any other against
/usr/lib/python3/dist-packages (where the corpus was run from). Prints per-rule counts on stderr.
"""

import ast
import collections
import json
import os
import sys
import sysconfig

STDLIB = sysconfig.get_paths()["stdlib"]
DIST_PACKAGES = "/usr/lib/python3/dist-packages"
RULES = ("missing-parameter-annotation", "missing-return-annotation", "printf-formatting", "parent-relative-import")


def counts(path, package):
    """The comparable constructs of one file, or None when it does not parse."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return None
    nodes = list(ast.walk(tree))
    functions = [n for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    parameters = [
        p
        for f in functions
        for p in f.args.posonlyargs + f.args.args + f.args.kwonlyargs + [a for a in (f.args.vararg, f.args.kwarg) if a]
        if p.arg not in ("self", "cls")
    ]

    def own(module):
        return module is not None and (module == package or module.startswith(package + "."))

    return {
        "parameters": len(parameters),
        "annotated_parameters": sum(1 for p in parameters if p.annotation is not None),
        "functions": len(functions),
        "annotated_returns": sum(1 for f in functions if f.returns is not None),
        "percent": sum(
            1
            for n in nodes
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod) and isinstance(n.left, ast.Constant) and isinstance(n.left.value, str)
        ),
        "modern": sum(1 for n in nodes if isinstance(n, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in n.values))
        + sum(
            1
            for n in nodes
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr == "format"
            and isinstance(n.func.value, ast.Constant)
            and isinstance(n.func.value.value, str)
        ),
        "relative": sum(1 for n in nodes if isinstance(n, ast.ImportFrom) and n.level >= 1),
        "absolute": sum(1 for n in nodes if isinstance(n, ast.ImportFrom) and n.level == 0 and own(n.module))
        + sum(1 for n in nodes if isinstance(n, ast.Import) for a in n.names if own(a.name)),
    }


def follows(part, whole):
    """The file's taste: at least 5 comparable constructs, at least 90% of them following the convention."""
    return whole >= 5 and part / whole >= 0.9


def speaks(rule, c):
    if c is None:
        return True
    if rule == "missing-parameter-annotation":
        return follows(c["annotated_parameters"], c["parameters"])
    if rule == "missing-return-annotation":
        return follows(c["annotated_returns"], c["functions"])
    if rule == "printf-formatting":
        return follows(c["modern"], c["modern"] + c["percent"])
    return follows(c["absolute"], c["absolute"] + c["relative"])


def main(report_dir):
    left, total, cache = collections.defaultdict(list), collections.Counter(), {}
    for name in sorted(os.listdir(report_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(report_dir, name)) as handle:
            report = json.load(handle)
        if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
            continue
        project = name[: -len(".json")]
        root = STDLIB if project.startswith("stdlib") else DIST_PACKAGES
        for finding in report["findings"]:
            if finding["rule"] not in RULES:
                continue
            total[finding["rule"]] += 1
            key = (finding["path"], finding["path"].split("/")[0])
            if key not in cache:
                cache[key] = counts(os.path.join(root, finding["path"]), key[1])
            if speaks(finding["rule"], cache[key]):
                left[finding["rule"]].append({"project": project, **finding})
    for rule in RULES:
        print(f"{rule}: {total[rule]} -> {len(left[rule])}", file=sys.stderr)
    json.dump([{"rule": r, "total": len(left[r]), "picked": left[r]} for r in RULES], sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
