"""Edit a built draft the way a person does: replace the text inside a content control."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefgen.draft_identity import PLACEHOLDER_TAG

# What the round-trip tests type into the 2025 draft: three placeholders filled, one sourced figure changed.
FILLS = {"retail_sales@region:9M-2025": "1.720,5 nghìn tỷ đồng",
         "retail_growth@region:9M-2025": "tăng 12,3%",
         "provinces_count/iip_above_national@region:9M-2025": "15/18"}
CHANGED = "ccn_established@region:9M-2025#2025"


def edit_controls(source: Path, target: Path, texts: dict[str, str], only_first: bool = False) -> Path:
    """Write *target*: *source* with each control tagged by a key of *texts* now saying its value.

    Keys are figure ids or placeholder ids; every occurrence is edited unless *only_first*.
    """
    shutil.copyfile(source, target)
    document = docx.Document(str(target))
    done = set()
    for sdt in document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")).removeprefix(PLACEHOLDER_TAG)
        if tag not in texts or (only_first and tag in done):
            continue
        runs = list(sdt.find(qn("w:sdtContent")).iter(qn("w:t")))
        runs[0].text = texts[tag]
        for other in runs[1:]:
            other.text = ""
        done.add(tag)
    document.save(str(target))
    return target


def delete_control(source: Path, target: Path, key: str, typed: str) -> Path:
    """Write *target*: *source* with the controls of *key* replaced by a plain run saying *typed*."""
    shutil.copyfile(source, target)
    document = docx.Document(str(target))
    for sdt in list(document.element.body.iter(qn("w:sdt"))):
        tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")).removeprefix(PLACEHOLDER_TAG)
        if tag == key:
            run = sdt.find(qn("w:sdtContent")).find(qn("w:r"))
            run.find(qn("w:t")).text = typed
            sdt.addprevious(run)
            sdt.getparent().remove(sdt)
    document.save(str(target))
    return target


def edited_draft(source: Path, folder: Path) -> Path:
    """Return a copy of the 2025 draft *source* with FILLS typed in and CHANGED set to 615."""
    return edit_controls(source, folder / "bao-cao-2025-da-sua.docx", dict(FILLS, **{CHANGED: "615"}))
