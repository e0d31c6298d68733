"""docs/RECIPE.md is the spec the code cites by section: every cited section exists, and every setting it
names as deciding an open choice is a real one (docs/CONFIG.md, itself checked against the models)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "docs" / "RECIPE.md"
# "docs/RECIPE.md §2"; also caught so that the test names them: a bare RECIPE or RECIPE.md before the §
CITATION = re.compile(r"([\w/]*RECIPE(?:\.md)?) (§\d+)")


def citations() -> dict[str, list[str]]:
    """Each citation as written ("docs/RECIPE.md §2") -> the files holding it: the code, docs, recipes, tests."""
    files = [p for d in ("tinylogic", "docs", "recipes", "benchmarks", "tests") for p in (ROOT / d).rglob("*")
             if p.suffix in {".py", ".md", ".yaml"}] + [ROOT / "README.md"]
    found: dict[str, list[str]] = {}
    for path in files:
        for name, section in CITATION.findall(path.read_text(encoding="utf-8")):
            found.setdefault(f"{name} {section}", []).append(str(path.relative_to(ROOT)))
    return found


def test_every_cited_recipe_section_exists():
    headings = re.findall(r"^## (§\d+) ", RECIPE.read_text(encoding="utf-8"), flags=re.M)
    found = citations()
    assert {"docs/RECIPE.md §0", "docs/RECIPE.md §2", "docs/RECIPE.md §5"} <= set(found)  # the scan sees the code
    sections = {f"docs/RECIPE.md {h}" for h in headings}
    missing = {c: sorted(set(paths)) for c, paths in found.items() if c not in sections}
    assert not missing, f"not `docs/RECIPE.md §N` with N a section heading of docs/RECIPE.md: {missing}"


def test_recipe_names_only_real_settings():
    settings = set(re.findall(r"^\| `([^`]+)` \|", (ROOT / "docs" / "CONFIG.md").read_text(encoding="utf-8"),
                              flags=re.M))
    sections = {s.split(".")[0] for s in settings}
    named = {t for t in re.findall(r"`([a-z_]+(?:\.[a-z_0-9\[\]]+)+)`", RECIPE.read_text(encoding="utf-8"))
             if t.split(".")[0] in sections}
    assert len(named) > 40  # the open choices of every section
    assert not named - settings, f"docs/RECIPE.md names settings that do not exist: {sorted(named - settings)}"
