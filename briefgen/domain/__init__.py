"""The domain core: figures, periods, provinces, editions and the indicator registry.

Plain frozen records and pure functions; this package imports nothing else of briefgen,
so every layer (sources, analysis, rendering, writers) can share it.
"""
