"""The provinces' forms: write them, read them back, check them, add up the region.

``layout`` (which rows and columns) → ``write_form`` (xlsx/CSV out) → ``read_forms`` (raw
cells in; ``workbook`` streams an xlsx within row limits, ``formulas`` computes plain
arithmetic left without a result) → ``validate`` (problems named ``file › sheet!cell``) → ``aggregate`` (Figures)
→ ``collect`` (the whole path, merged into the dataset); ``cli`` is ``briefgen form``.
Kept free of imports here so that importing one module of the package stays light.
"""
