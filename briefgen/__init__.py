"""briefgen: drafts the briefing of the northern provinces' industry-and-trade conference.

Pipeline: ``load`` (data/ → validated tables) → ``analyze`` (facts: slots, comparisons,
chart specs) → ``render`` (jinja2 narrative, tables, matplotlib charts) → ``docx_writer``.
"""

__version__ = "0.1.0"


def build_briefing(*args, **kwargs):
    """Build and write a draft; see :func:`briefgen.api.build_briefing` (imported lazily)."""
    from briefgen.api import build_briefing as build

    return build(*args, **kwargs)
