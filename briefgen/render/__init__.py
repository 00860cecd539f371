"""Stage 3: phrase the facts (jinja2 narrative, tables) and draw the charts."""
