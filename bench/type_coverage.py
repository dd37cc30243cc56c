"""Print, per app and in total, how many functions carry complete type annotations.

    .venv/bin/python bench/type_coverage.py [--files]

A function counts as annotated when every parameter but a leading self/cls has an annotation
and it declares its return type. Methods and nested functions count; migrations do not. The
second table counts only the views, forms and services, where mypy requires annotations.
Reads the source with ast: Django is not loaded.
"""

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["config", "regency", "workshops", "quickwins", "masterplan"]

# The modules mypy checks with disallow_untyped_defs (pyproject.toml): views, forms, services.
SERVICES = {
    "masterplan/inputs/workflow.py",
    "masterplan/inputs/readiness.py",
    "masterplan/inputs/spreadsheets.py",
    "masterplan/roadmap/services.py",
    "masterplan/books/rendering.py",
    "masterplan/books/revisions.py",
    "masterplan/books/blocks.py",
    "masterplan/books/html.py",
    "masterplan/commitments/signing.py",
    "masterplan/commitments/audit.py",
    "masterplan/commitments/signed_pdf.py",
    "workshops/attendance.py",
    "workshops/planning.py",
    "workshops/printing.py",
    "workshops/photos.py",
    "workshops/register.py",
    "workshops/stages.py",
    "workshops/home.py",
    "workshops/html.py",
    "quickwins/selection.py",
    "quickwins/charts.py",
    "quickwins/home.py",
    "quickwins/origins.py",
    "regency/files.py",
    "regency/imports.py",
    "regency/jobs.py",
    "regency/outbox.py",
    "regency/throttling.py",
    "regency/throttle.py",
    "regency/permissions.py",
    "regency/charts.py",
    "regency/errors.py",
    "regency/middleware.py",
    "regency/sessions.py",
    "regency/reference.py",
}


def is_strict(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return name in ("views.py", "forms.py") or relative in SERVICES


def annotated(node: ast.FunctionDef | ast.AsyncFunctionDef, in_class: bool) -> bool:
    args = node.args
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if in_class and params and params[0].arg in ("self", "cls", "mcs"):
        params = params[1:]
    params += [a for a in (args.vararg, args.kwarg) if a is not None]
    return node.returns is not None and all(p.annotation is not None for p in params)


def functions(tree: ast.AST):
    """Yield (function node, defined directly in a class) for every def in the tree."""

    def walk(node: ast.AST, in_class: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield child, in_class
                yield from walk(child, False)
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, True)
            else:
                yield from walk(child, in_class)

    yield from walk(tree, False)


def count(path: Path) -> tuple[int, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = list(functions(tree))
    return len(found), sum(annotated(node, in_class) for node, in_class in found)


def table(title: str, rows: dict[str, tuple[int, int]]) -> None:
    print(title)
    print(f"  {'app':<12} {'functions':>9} {'annotated':>9} {'share':>7}")
    total_f = total_a = 0
    for app, (funcs, done) in rows.items():
        total_f += funcs
        total_a += done
        print(f"  {app:<12} {funcs:>9} {done:>9} {done / funcs if funcs else 1:>7.1%}")
    print(f"  {'total':<12} {total_f:>9} {total_a:>9} {total_a / total_f if total_f else 1:>7.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", action="store_true", help="list each file not fully annotated")
    options = parser.parse_args()
    everything: dict[str, tuple[int, int]] = {}
    strict: dict[str, tuple[int, int]] = {}
    missing: list[str] = []
    for app in APPS:
        all_f = all_a = strict_f = strict_a = 0
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            funcs, done = count(path)
            all_f += funcs
            all_a += done
            if is_strict(relative):
                strict_f += funcs
                strict_a += done
            if done < funcs:
                missing.append(f"  {relative}: {funcs - done} of {funcs}")
        everything[app] = (all_f, all_a)
        strict[app] = (strict_f, strict_a)
    table("All modules of the apps (migrations excluded)", everything)
    table("Views, forms and services", strict)
    if options.files:
        print("Files with functions not fully annotated")
        print("\n".join(missing) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
