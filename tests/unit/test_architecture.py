"""The house rules of the layout, checked on the source: imports, where Cypher lives, exports."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def domain_modules() -> list[Path]:
    found = sorted((ROOT / "orgmodel").rglob("*.py"))
    assert len(found) > 20, found  # a rule checked on no module holds for none (the review)
    return found


def app_modules() -> list[Path]:
    """The domain and the layers on it (api, viz): where the driver and Cypher must not leak."""
    found = [*domain_modules(), *sorted((ROOT / "api").rglob("*.py")),
             *sorted((ROOT / "viz").rglob("*.py"))]
    assert {path.relative_to(ROOT).parts[0] for path in found} == {"orgmodel", "api", "viz"}
    return found


def test_the_domain_imports_neither_web_nor_views() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imports_of(path) & {"fastapi", "starlette", "pyvis",
                                                                "api", "viz", "uvicorn"})
        for path in domain_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_neo4j_store_modules_import_the_driver() -> None:
    users = [str(p.relative_to(ROOT)) for p in app_modules() if "neo4j" in imports_of(p)]
    assert users and all(re.fullmatch(r"orgmodel/store/neo4j\w*\.py", user)
                         for user in users), users


def test_cypher_lives_in_one_module() -> None:
    cypher = re.compile(r"\b(MATCH|MERGE|CREATE)\s*\(\w*[:)]|\bUNWIND\s+\$\w+\s+AS\b")
    holders = []
    for path in app_modules():
        text = path.read_text(encoding="utf-8")
        strings = [n.value for n in ast.walk(ast.parse(text))
                   if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if any(cypher.search(s) for s in strings):
            holders.append(path.name)
    assert holders == ["neo4j_cypher.py"], holders


def test_every_domain_module_declares_its_public_names() -> None:
    for path in domain_modules():
        if path.name in ("__init__.py", "__main__.py"):
            continue
        module_name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module = importlib.import_module(module_name)
        exported = getattr(module, "__all__", None)
        assert exported is not None, f"{module_name} has no __all__"
        missing = [name for name in exported if not hasattr(module, name)]
        assert missing == [], f"{module_name}.__all__ names what it lacks: {missing}"
