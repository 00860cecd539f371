"""The provinces' form as a product: write it for a year, and take filled ones in for a draft.

``layout`` (the form of a year without a host) → ``write_form`` (xlsx/CSV out); ``collect``
reads filled forms through ``briefgen.sources.forms`` (cells, formulas, checks, one Figure per
cell), checks them against the record and adds the region up (analysis); ``cli`` is
``briefgen form``. Kept free of imports here so that importing one module stays light.
"""
