"""The request body limit, enforced while the body arrives (before it is parsed or spooled)."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from briefgen.serve.errors import error_body, problem


def too_large_message(max_bytes: int) -> str:
    return f"yêu cầu quá lớn: tổng các tệp đính kèm tối đa {max_bytes // (1024 * 1024)} MB"


class BodyTooLarge(HTTPException):
    """Raised inside the body parser once more bytes arrived than allowed."""

    def __init__(self, max_bytes: int):
        super().__init__(status_code=413, detail=too_large_message(max_bytes))


class BodyLimit:
    """ASGI middleware: answer 413 when a body is declared or turns out larger than *max_bytes*.

    A body that outgrows the limit while it streams in (no Content-Length) stops the
    parser; whatever the application then answers is replaced by the 413.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(send)
        received, refused = 0, False

        async def counting_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        async def checked_send(message):
            nonlocal refused
            if received <= self.max_bytes:
                return await send(message)
            if not refused:  # the application's own answer to a cut-off body is dropped
                refused = True
                await self._refuse(send)

        try:
            await self.app(scope, counting_receive, checked_send)
        except Exception:
            if received <= self.max_bytes:
                raise
            if not refused:
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps(error_body([problem(None, too_large_message(self.max_bytes))]),
                          ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
