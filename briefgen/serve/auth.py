"""The token: when the server has one, every request but the health check must carry it.

It comes as ``Authorization: Bearer <token>`` (systems), as the cookie the login form
sets (people), or once as ``?token=`` in a link (which then sets the cookie).
"""

from __future__ import annotations

import hmac

COOKIE = "briefgen_token"
OPEN_PATHS = frozenset({"/api/health", "/login"})
MISSING = "thiếu mã truy cập (token)"
WRONG = "mã truy cập (token) không đúng"


def offered_token(headers, cookies, query) -> tuple[str | None, str]:
    """Return the token a request carries and how: ``header``, ``query``, ``cookie`` or ``none``."""
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), "header"
    if query.get("token"):
        return query["token"], "query"
    if cookies.get(COOKIE):
        return cookies[COOKIE], "cookie"
    return None, "none"


def refusal(expected: str | None, offered: str | None) -> str | None:
    """Return why a request is refused (missing or wrong token), or None when it may pass."""
    if expected is None:
        return None
    if offered is None:
        return MISSING
    if not hmac.compare_digest(offered.encode("utf-8"), expected.encode("utf-8")):
        return WRONG
    return None


def needs_token(path: str) -> bool:
    """Return whether *path* is guarded (everything except the health check and the login form)."""
    return path not in OPEN_PATHS
