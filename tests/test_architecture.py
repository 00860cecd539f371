"""The pipeline stays in its folders: each renderer in its one module, the model pure."""

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


def test_only_the_docx_writer_and_the_draft_reader_import_python_docx():
    readers = {"review/read_docx.py"}     # reads edited drafts back, never writes
    assert all(m.startswith("docx_writer/") or m in readers for m in _modules_importing("docx")), \
        _modules_importing("docx")


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
