"""The layout of docs/architecture.md, checked on the source itself: no import cycle, data flows one way
between the packages, SQL only in store/, no module over ~600 lines."""

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "mstrack"

MAY_IMPORT = {
    "vocabulary": set(),
    "model": {"vocabulary"},
    "errors": set(),
    "long_lists": {"errors"},
    "text": set(),
    "signals": set(),
    "filesystem": {"domain", "errors"},
    "labels": {"errors"},
    "domain": {"vocabulary", "model", "errors", "long_lists", "text"},
    "sources": {"domain", "vocabulary", "model", "errors", "long_lists", "text", "filesystem"},
    "store": {"domain", "vocabulary", "model", "errors", "long_lists", "text", "sources", "filesystem", "signals"},
    "reports": {"domain", "vocabulary", "model", "errors", "long_lists", "text", "store"},
    "render": {"vocabulary", "model", "labels", "domain", "reports", "errors", "long_lists", "text", "filesystem", "__init__"},
}
"""What each part may import besides itself (render: the report dataclasses and the version); cli and
__main__ may import everything, and nothing imports them."""

SQL = re.compile(r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
                 r"(CREATE|DROP)\s+(TABLE|INDEX)\s|ALTER\s+TABLE\s|PRAGMA\s)", re.IGNORECASE | re.DOTALL)


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node except those under `if TYPE_CHECKING:` (imported for annotations only, never run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def import_graph() -> dict[str, set[str]]:
    """Module → the mstrack modules it imports when run, lazy imports inside functions included."""
    known = modules()
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name] |= {alias.name for alias in node.names if alias.name in known}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    if target in known or base in known:
                        graph[name].add(target if target in known else base)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), and modules that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1 or node in graph[node]:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    graph = import_graph()
    assert "mstrack.sources.sheets" in graph["mstrack.sources.progress"]  # the graph sees imports
    assert cycles(graph) == []


def test_data_flows_one_way_between_the_parts():
    wrong = sorted((module, target) for module, targets in import_graph().items() for target in targets
                   if part(module) in MAY_IMPORT and part(target) != part(module)
                   and part(target) not in MAY_IMPORT[part(module)])
    assert wrong == []


def test_sql_is_written_only_in_the_store():
    outside, inside = [], 0
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                if path.parent.name == "store":
                    inside += 1
                else:
                    outside.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert inside > 20, "the pattern finds the store's own statements"
    assert outside == []


NEAR_THE_LIMIT = 500
"""Modules over this many lines are printed on every run (no failure): split one before adding to it past ~520."""


def test_no_module_is_over_600_lines(capsys):
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    assert len(sizes) > 50
    assert {name: lines for name, lines in sizes.items() if lines > 600} == {}
    near = sorted(((lines, name) for name, lines in sizes.items() if lines > NEAR_THE_LIMIT), reverse=True)
    if near:
        with capsys.disabled():  # shown in a passing run too, where the next person adding to one will see it
            print(f"\nmodules over {NEAR_THE_LIMIT} lines (the limit is 600; split before adding past ~520): "
                  + ", ".join(f"{name} {lines}" for lines, name in near))


def test_modules_share_only_public_helpers():
    """A module uses another's helpers by their public names (grid.pad, html.page, xlsx.check_extent …): what
    is shared is made public where it lives, never copied, never reached for behind its underscore."""
    private = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mstrack."):
                private += [f"{path.relative_to(PACKAGE)}: {node.module}.{alias.name}" for alias in node.names
                            if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert private == []
