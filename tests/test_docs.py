"""Every command and option users can type is documented in README.md."""

from __future__ import annotations

from pathlib import Path

from briefgen.cli import SUBCOMMANDS, build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    block = README.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ['./setup.sh && briefgen --year 2025 --host "Tuyên Quang"', "./setup.sh && python3 -m pytest -q"]


def test_every_subcommand_is_documented():
    for name in SUBCOMMANDS:
        assert f"briefgen {name}" in README and f"| `{name}` |" in README, name


def test_every_option_of_the_main_job_is_documented():
    for action in build_parser()._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}`" in README, option
