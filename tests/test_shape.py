"""The package's shape, read from its source with `ast`: layers, imports, sizes.

The layers, lowest first: `engine` (the standard library and its own data only), `io`,
`store`, `dashboard`, then the top (`newsfigures/__init__.py`, `__main__.py`, `cli.py`,
`serve.py`). A module imports from its own layer and the layers below it, never above; no
imports go round in a circle; no module reaches for another's `_private` names.

Every import counts, also the ones inside functions (the package imports its heavy parts
lazily, but a lazy import is still a dependency).
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsfigures"
SAMPLES = ROOT / "data" / "articles"

LAYERS = ("engine", "io", "store", "dashboard", "top")
BUILD_TOOLS = {"newsfigures.engine.gazetteer_build"}  # run by hand, never imported
HEAVY = ("pandas", "sqlite3", "streamlit")

MAX_LINES = 500
MAX_POSITIONAL = 5
# Known offenders, being split: issue 9. The lists only shrink: a new offender fails, and so
# does a listed one that was fixed and left here.
KNOWN_LONG_MODULES: set[str] = set()
KNOWN_LONG_SIGNATURES: set[str] = set()


# --------------------------------------------------------------------------- reading the package

def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8"), str(path)) for name, path in MODULES.items()}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS[:-1] else "top"


def _base(module: str, node: ast.ImportFrom) -> str:
    """The absolute name a `from ... import` reads from."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    parts = package.split(".")
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


class Import(NamedTuple):
    module: str  # the module imported from (absolute name)
    name: str | None  # the name taken from it; None when the module itself is imported
    local: str  # the name bound in the importing module
    bound: str  # what `local` is: `module`, or for a plain `import a.b` the package `a`


def _imports(module: str, tree: ast.AST | None = None) -> list[Import]:
    """Every import of `module` (at any depth); a `from package import submodule` counts as
    importing the submodule."""
    found = []
    for node in ast.walk(TREES[module] if tree is None else tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                found.append(Import(alias.name, None, alias.asname or top,
                                    alias.name if alias.asname else top))
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, node)
            for alias in node.names:
                local = alias.asname or alias.name
                if f"{base}.{alias.name}" in MODULES:
                    found.append(Import(f"{base}.{alias.name}", None, local, f"{base}.{alias.name}"))
                else:
                    found.append(Import(base, alias.name, local, base))
    return found


def _edges() -> dict[str, set[str]]:
    """Module -> the modules of the package it imports."""
    graph = {m: set() for m in MODULES}
    for module in MODULES:
        for imp in _imports(module):
            if imp.module in MODULES and imp.module != module:
                graph[module].add(imp.module)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _dotted(node: ast.expr) -> str | None:
    """"a.b.c" for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def _private_uses(module: str, tree: ast.AST | None = None) -> list[str]:
    """Where `module` takes a `_private` name of another module of the package: imported
    (`from x import _y`) or read off an imported module (`x._y`)."""
    found = []
    bound = {}  # local name -> the module of the package it is
    for imp in _imports(module, tree):
        if imp.name is None and imp.bound in MODULES:
            bound[imp.local] = imp.bound
        elif imp.name is not None and imp.module in MODULES and imp.module != module and _is_private(imp.name):
            found.append(f"from {imp.module} import {imp.name}")
    for node in ast.walk(TREES[module] if tree is None else tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            head, _, rest = (_dotted(node.value) or "").partition(".")
            owner = bound[head] + (f".{rest}" if rest else "") if head in bound else ""
            if owner in MODULES and owner != module:
                found.append(f"{owner}.{node.attr} (line {node.lineno})")
    return found


def _functions(tree: ast.AST, prefix: str):
    """(qualified name, positional parameters) of every function, methods without self/cls."""
    def walk(node, names, in_class):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                params = child.args.posonlyargs + child.args.args
                static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in child.decorator_list)
                if in_class and params and not static:
                    params = params[1:]
                yield ".".join([prefix, *names, child.name]), len(params)
                yield from walk(child, [*names, child.name], False)
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, [*names, child.name], True)
            else:
                yield from walk(child, names, in_class)

    yield from walk(tree, [], False)


# --------------------------------------------------------------------------- imports

def test_the_package_is_read():
    assert {"newsfigures", "newsfigures.cli", "newsfigures.engine.figures", "newsfigures.io.articles",
            "newsfigures.store.database", "newsfigures.dashboard.charts"} <= set(MODULES)


def test_no_import_cycle():
    assert _cycles(_edges()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_takes_another_modules_private_names():
    found = {m: uses for m in MODULES if (uses := _private_uses(m))}
    assert found == {}


@pytest.mark.parametrize("source, expected", [
    ("from .dates import _scan_rel", ["from newsfigures.engine.dates import _scan_rel"]),
    ("from . import dates\ndates._scan_rel('')", ["newsfigures.engine.dates._scan_rel (line 2)"]),
    ("import newsfigures.engine.dates\nnewsfigures.engine.dates._RE_ISO",
     ["newsfigures.engine.dates._RE_ISO (line 2)"]),
    ("from .. import engine\nengine.dates._RE_ISO", ["newsfigures.engine.dates._RE_ISO (line 2)"]),
    ("from .dates import scan as _scan\nfrom .dates import __all__\n_local = 1\nimport re\nre._pattern",
     []),
], ids=["from-import", "attribute", "dotted-import", "through-the-package", "public-or-own-or-outside"])
def test_the_private_name_finder(source, expected):
    assert _private_uses("newsfigures.engine.figures", ast.parse(source)) == expected


def test_layers_import_downward_only():
    upward = sorted(f"{a} -> {b}" for a, targets in _edges().items() for b in targets
                    if LAYERS.index(_layer(b)) > LAYERS.index(_layer(a)))
    assert upward == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "engine" and m not in BUILD_TOOLS))
def test_engine_imports_only_the_standard_library_and_itself(module):
    outside = sorted({imp.module for imp in _imports(module)
                      if imp.module.split(".")[0] not in sys.stdlib_module_names
                      and not (imp.module + ".").startswith("newsfigures.engine.")})
    assert outside == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "engine"))
def test_engine_imports_nothing_of_the_layers_above(module):
    above = sorted({imp.module for imp in _imports(module) if imp.module in MODULES and _layer(imp.module) != "engine"})
    assert above == []


def test_build_tools_are_not_imported_at_run_time():
    assert sorted(f"{a} -> {b}" for a, targets in _edges().items() for b in targets if b in BUILD_TOOLS) == []


# --------------------------------------------------------------------------- the public API

SNIPPETS = {
    "extract": "figures = extract(read_article(path))",
    "extract_collection": "figures = extract_collection([read_article(path)])",
}


@pytest.mark.parametrize("call", sorted(SNIPPETS))
def test_one_extraction_through_the_api_loads_no_heavy_library(call):
    path = sorted(SAMPLES.glob("*.txt"))[0]
    code = "\n".join([
        "import json, sys",
        "from newsfigures import extract, extract_collection, read_article",
        f"path = {str(path)!r}",
        SNIPPETS[call],
        f"print(json.dumps([len(figures), sorted(m for m in {HEAVY!r} if m in sys.modules)]))",
    ])
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    n_figures, loaded = json.loads(run.stdout)
    assert n_figures > 0
    assert loaded == []


def test_the_api_names():
    import newsfigures

    assert sorted(newsfigures.__all__) == sorted(
        ["Article", "Figure", "__version__", "extract", "extract_collection", "iter_collection", "read_article"])
    assert all(hasattr(newsfigures, name) for name in newsfigures.__all__)


def test_extract_with_a_publication_date_is_the_engine_on_the_dated_article():
    from newsfigures import extract, read_article
    from newsfigures.engine.figures import extract_figures

    article = read_article(sorted(SAMPLES.glob("*.txt"))[0])
    assert extract(article) == extract_figures(article)
    assert extract(article, published="2016-02-09") == extract_figures(replace(article, published="2016-02-09"))


def test_extract_collection_dates_the_articles_together_then_extracts_each():
    from newsfigures import extract_collection, read_article
    from newsfigures.engine.figures import date_collection, extract_figures

    articles = [read_article(p) for p in sorted(SAMPLES.glob("*.txt"))[:6]]
    assert extract_collection(articles) == [f for a in date_collection(articles) for f in extract_figures(a)]


# --------------------------------------------------------------------------- sizes

def test_no_new_module_over_500_lines():
    long = {m for m, p in MODULES.items() if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert sorted(long - KNOWN_LONG_MODULES) == [], "split these modules"
    assert sorted(KNOWN_LONG_MODULES - long) == [], "now short enough: remove them from KNOWN_LONG_MODULES"


def test_no_new_function_with_more_than_5_positional_parameters():
    wide = {name for m, tree in TREES.items() for name, n in _functions(tree, m) if n > MAX_POSITIONAL}
    assert sorted(wide - KNOWN_LONG_SIGNATURES) == [], "pass these as keywords or one small dataclass"
    assert sorted(KNOWN_LONG_SIGNATURES - wide) == [], "fixed: remove them from KNOWN_LONG_SIGNATURES"


@pytest.mark.parametrize("source, expected", [
    ("def f(a, b, c, d, e, g): pass", [("m.f", 6)]),
    ("def f(a, b, /, c, *rest, d, e, g, h): pass", [("m.f", 3)]),
    ("class C:\n    def f(self, a, b, c, d, e): pass\n    @staticmethod\n    def g(a, b): pass",
     [("m.C.f", 5), ("m.C.g", 2)]),
    ("def f(a):\n    def inner(a, b, c, d, e, g): pass", [("m.f", 1), ("m.f.inner", 6)]),
], ids=["plain", "keyword-only-not-counted", "self-not-counted", "nested"])
def test_positional_parameters_are_counted(source, expected):
    assert list(_functions(ast.parse(source), "m")) == expected
