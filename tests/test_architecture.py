"""The pipeline stays in its layers: domain ← sources/analysis ← model ← render ← writers; CLI on top."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"
TEMPLATES = PACKAGE.parent / "templates"
SEEDS = PACKAGE.parent / "seeds"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _modules_importing(library: str) -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if library in _imports(p)}


def test_only_the_docx_writer_and_the_readers_import_python_docx():
    # Sources may read .docx (provinces' reports, edited drafts); only the writer writes one.
    readers = {"review/read_docx.py"}     # reads edited drafts back, never writes
    importing = _modules_importing("docx")
    assert all(m.startswith(("docx_writer/", "sources/")) or m in readers for m in importing), importing


def test_only_the_docx_writer_builds_native_charts():
    for library in ("pptx", "xlsxwriter"):
        assert all(m.startswith("docx_writer/") for m in _modules_importing(library)), library


def test_only_chart_rendering_imports_matplotlib():
    assert _modules_importing("matplotlib") <= {"render/charts.py"}


def test_only_the_serve_package_imports_the_web_stack():
    for library in ("fastapi", "uvicorn", "starlette"):
        assert all(m.startswith("serve/") for m in _modules_importing(library)), _modules_importing(library)


def test_model_and_analysis_know_no_renderer():
    for path in [PACKAGE / "model.py", *(PACKAGE / "analyze").rglob("*.py")]:
        assert not _imports(path) & {"docx", "pptx", "xlsxwriter", "matplotlib", "jinja2"}, path


def _words(text: str) -> list[str]:
    text = " ".join(text.lower().replace("hoá", "hóa").split())
    for term in TERMS:
        text = text.replace(term, "§term§")
    return text.split()


RUN = 10  # words in a row shared with a seed = a copied sentence
# Official names of statistics are terms, not prose: fold each into one token first.
TERMS = ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
         "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "chỉ số sản xuất công nghiệp (iip)",
         "chỉ số sản xuất công nghiệp", "sản phẩm công nghiệp chủ yếu", "giá trị sản xuất công nghiệp",
         "kim ngạch xuất khẩu", "cụm công nghiệp", "tỉnh, thành phố khu vực phía bắc")


def test_templates_do_not_copy_sentences_from_the_seeds():
    seed_runs = set()
    for seed in SEEDS.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8"))
        seed_runs.update(" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1))
    own_text = [p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*.j2")]
    own_text.append((PACKAGE.parent / "data" / "task_groups.csv").read_text(encoding="utf-8"))
    for text in own_text:
        words = _words(text)
        copied = [" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)
                  if " ".join(words[i:i + RUN]) in seed_runs]
        assert not copied, copied[:3]


# --- the layers (issue 9) ---

def _project_imports(path: Path) -> set[str]:
    """Return the briefgen modules *path* imports (``briefgen.domain.figure`` → ``domain.figure``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("briefgen"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefgen"):
            names.add(node.module)
    return {n.removeprefix("briefgen").lstrip(".") or "briefgen" for n in names}


def _layer(folder: str) -> dict[str, set[str]]:
    return {str(p.relative_to(PACKAGE)): _project_imports(p) for p in (PACKAGE / folder).rglob("*.py")}


# Leaf utilities: they import nothing of briefgen themselves (checked below), so the domain may use them.
LEAVES = ("bounds",)


def test_the_domain_imports_nothing_else_of_briefgen():
    for module, imports in _layer("domain").items():
        assert all(name.startswith("domain") or name in LEAVES for name in imports), (module, imports)
    for leaf in LEAVES:
        assert not _project_imports(PACKAGE / f"{leaf}.py"), leaf


# Utilities any layer may use: plain functions of plain values.
UTILITIES = ("errors", "numbers", "dates", "bounds")


def test_analysis_imports_the_domain_never_sources_renderers_or_writers():
    allowed = ("analyze", "domain", "model", *UTILITIES)
    for module, imports in _layer("analyze").items():
        assert all(name.split(".")[0] in allowed for name in imports), (module, imports)


def test_writers_import_the_model_only():
    # draft_identity names the model's figures and placeholders for the content controls;
    # numbers formats the values of a native chart's data sheet.
    writers = {**_layer("docx_writer"), "markdown_writer.py": _project_imports(PACKAGE / "markdown_writer.py")}
    for module, imports in writers.items():
        assert all(name.split(".")[0] in ("docx_writer", "model", "draft_identity", "numbers") for name in imports), \
            (module, imports)


def test_the_model_imports_only_the_domain():
    assert all(name.startswith("domain") for name in _project_imports(PACKAGE / "model.py"))


# The sources layer: every adapter that turns a file into Figures (data/'s tables, forms) and the
# one merge step. It reads with the domain and the utilities only; the edition, the province
# lookup and the merger mapping are handed down by the caller, never looked up in analysis.
SOURCE_HELPERS = ("cache_entry", "files", "briefgen")     # the cache's entry format, briefgen.__version__
EXTRACTOR = {"sources/recognise.py"}    # tells a review sheet by the extractor's own reader (reports' adapter)


def test_sources_import_the_domain_and_utilities_only():
    allowed = ("sources", "domain", *UTILITIES, *SOURCE_HELPERS)
    for module, imports in _layer("sources").items():
        extra = ("extract",) if module in EXTRACTOR else ()
        assert all(name.split(".")[0] in allowed + extra for name in imports), (module, imports)


def test_every_source_adapter_lives_in_the_sources_layer():
    # The loaders of data/ and the form readers moved into sources/; what is left of forms/ writes the
    # form and joins the form source with analysis (regional totals, the merger mapping).
    assert not (PACKAGE / "load").exists()
    assert {p.name for p in (PACKAGE / "forms").glob("*.py")} == {"__init__.py", "cli.py", "collect.py",
                                                                  "layout.py", "write_form.py"}


def _adds_figures_to_a_dataset(path: Path) -> bool:
    """Return whether *path* calls ``replace(<dataset>, figures=… + …)``: figures joined into a dataset."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "replace" \
                and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in ("dataset", "base"):
            added = [k.value for k in node.keywords if k.arg == "figures"]
            if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add) for v in added for n in ast.walk(v)):
                return True
    return False


def test_only_the_merge_step_adds_figures_to_a_dataset():
    # One merge step decides what wins (briefgen/sources/merge.py): forms, edited drafts and reports go through it.
    assert [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if _adds_figures_to_a_dataset(p)] == \
        ["sources/merge.py"]


def test_analysis_never_imports_the_joins_above_it():
    # forms/ (writing the form, taking filled ones in) and reports.py use analysis, never the reverse.
    for module, imports in _layer("analyze").items():
        assert not [n for n in imports if n.split(".")[0] in ("forms", "reports", "review", "sources")], module


# Where printing and exiting are legitimate: the command lines, the server, the batch's progress bar.
SPEAKERS = ("cli.py", "cli_parser.py", "__main__.py", "batch.py", "crash_log.py")


def _speaks(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            lines.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "exit":
            lines.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id == "SystemExit":
            lines.append(node.lineno)
    return lines


def test_only_the_command_lines_and_the_server_print_or_exit():
    for path in PACKAGE.rglob("*.py"):
        module = str(path.relative_to(PACKAGE))
        if path.name in SPEAKERS or path.name.endswith("_cli.py") or module.startswith("serve/") \
                or module == "extract/check.py":
            continue  # extract/check.py is the `check-data` command (moves with the extractor rewrite)
        assert not _speaks(path), (module, _speaks(path))


def test_sources_import_no_rendering_writers_or_front_doors():
    forbidden = ("render", "docx_writer", "markdown_writer", "writers", "api", "cli", "serve", "batch")
    for module, imports in _layer("sources").items():
        assert not [n for n in imports if n.split(".")[0] in forbidden], (module, imports)
