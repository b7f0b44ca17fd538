#!/usr/bin/env python3
"""Deletes every 5th function (module level or method, not nested) from each .py file under a directory.

The pull-request simulation of docs/precision-fresh-taste.md: commit the result on a branch
`strip`, restore the original on a child branch `full`, and `peptalk review --base strip --head full`
sees those functions as new code and the rest of each file as its house style. A file that would
no longer parse (a class left empty) is kept whole.
Usage: strip_defs.py DIR
"""
import ast
import pathlib
import sys


def functions(body, out):
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append(node)
        elif isinstance(node, ast.ClassDef):
            functions(node.body, out)
    return out


def strip(path):
    source = path.read_text()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    drop = set()
    for index, func in enumerate(functions(tree.body, [])):
        if index % 5 == 2:
            start = min([d.lineno for d in func.decorator_list] + [func.lineno])
            drop.update(range(start - 1, func.end_lineno))
    lines = source.splitlines(keepends=True)
    stripped = "".join(line for i, line in enumerate(lines) if i not in drop)
    try:
        ast.parse(stripped)
    except SyntaxError:
        return
    path.write_text(stripped)


if __name__ == "__main__":
    for file in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
        strip(file)
