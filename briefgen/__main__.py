"""``python -m briefgen``: the CLI, ended without interpreter teardown (see ``console_entry``)."""

from briefgen.cli import console_entry

console_entry()
