"""The package's import graph: no module of tinylogic/ depends on itself through others.

Both module-level imports and imports inside functions count: a function-level import only defers the
cycle to run time (and the two modules still cannot be understood, tested or moved one without the other).
An edge goes to the module imported; `from package import name` goes to the submodule when `name` is one,
else to the package's __init__. The implicit import of a parent package is not an edge: a package's
__init__ importing its own submodules would otherwise make every such package a cycle. The domain registry
imports its modules by name (`tinylogic.domains.REGISTERED`): an edge from tinylogic.domains to each.
"""

import ast
from pathlib import Path

from tinylogic.domains import REGISTERED

PACKAGE = Path(__file__).resolve().parents[1] / "tinylogic"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    files = {module_name(f): f for f in PACKAGE.rglob("*.py")}

    def known(name: str) -> str | None:  # the module itself, or the nearest package above a name in it
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, path in files.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {known(a.name) for a in node.names if a.name.startswith("tinylogic")}
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolved against the importing module's package
                    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    source = f"{base}.{node.module}" if node.module else base
                else:
                    source = node.module or ""
                if source.split(".")[0] == "tinylogic":
                    targets |= {f"{source}.{a.name}" if f"{source}.{a.name}" in files else known(source)
                                for a in node.names}
        graph[module] = targets - {None, module}
    graph["tinylogic.domains"] |= {f"tinylogic.domains.{name}" for name in REGISTERED}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_checker_finds_a_cycle_through_a_function_level_import():
    graph = {"tinylogic.a": {"tinylogic.b"}, "tinylogic.b": {"tinylogic.c"}, "tinylogic.c": {"tinylogic.a"},
             "tinylogic.d": {"tinylogic.a"}}
    assert cycles(graph) == [["tinylogic.a", "tinylogic.b", "tinylogic.c"]]
    graph = import_graph()
    # the edges the checker must see: a module-level and a function-level import
    assert "tinylogic.data.schema" in graph["tinylogic.retrieval.index"]
    assert "tinylogic.run_report" in graph["tinylogic.run"]  # imported inside run_recipe
    assert "tinylogic.domains.math" in graph["tinylogic.domains"]  # the registry's import by name


def test_no_import_cycle_in_tinylogic():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(
        " <-> ".join(c) + ": " + "; ".join(f"{m} imports {', '.join(sorted(graph[m] & set(c)))}" for m in c)
        for c in found)


def test_layers_do_not_reach_up():
    """Data and the recipe's settings sit below everything that uses them: the synthetic data (and its
    claim format) does not import evaluation, training, serving or the runner, and RL and test-time scaling do not
    import the evaluation harness or the suite generator for a prompt."""
    graph = import_graph()
    # (data/cli.py is a command group of the one CLI app: it drives training commands, as cli.py does)
    below = {m for m in graph if m.startswith(("tinylogic.data", "tinylogic.config")) and m != "tinylogic.data.cli"}
    for module in below:
        assert not {t for t in graph[module] if t.startswith(("tinylogic.eval", "tinylogic.train",
                                                             "tinylogic.serve", "tinylogic.run"))}, module
    assert "tinylogic.eval.harness" not in graph["tinylogic.train.rl"] | graph["tinylogic.train.rollouts"]
    assert "tinylogic.data.suite" not in graph["tinylogic.eval.tts"]
    assert not {t for t in graph["tinylogic.run_report"] if t != "tinylogic.run_report" and
                t.startswith("tinylogic.run") and t != "tinylogic.run_stages"}
