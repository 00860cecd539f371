"""``briefgen serve``: a web page and a JSON API over the library, for people and systems.

The only package that imports FastAPI and uvicorn; ``briefgen.cli`` imports ``serve.cli``
only when the subcommand runs, so the rest of the CLI starts without them.

- ``settings``: what the server was told (bind, port, folders, token, limits);
- ``uploads``: accepted file kinds, content sniffing, saving under server-owned names;
- ``store``: the index of drafts on disk (opaque ids → files), the only path source;
- ``summary``: a draft's summary (figures, placeholders, warnings, files) from its manifest;
- ``jobs``: the warm workshop (dataset, chart cache, worker pool, PDF conversion);
- ``auth``, ``errors``: the token check and the mapping of errors to HTTP statuses;
- ``app`` (API) and ``pages`` (HTML), assembled by ``app.create_app``.
"""
