"""Request bodies read as JSON that names each key of an object once.

Python's ``json`` keeps the last of two values for one key, so a body with ``"name"`` twice
would be written with one of them and no word of the other: the data files refuse a repeated
key (:mod:`orgmodel.loader`), and so do the writes. A repeated key is a
:class:`json.JSONDecodeError` at the object that repeats it, which FastAPI answers as the
422 it gives any body that is not JSON (``type: json_invalid``).

Examples
--------
>>> loads_unique('{"a": 1, "b": {"a": 2}}')
{'a': 1, 'b': {'a': 2}}
>>> try:
...     loads_unique('[{"id": "x"}, {"id": "y", "name": "A", "name": "B"}]')
... except json.JSONDecodeError as exc:
...     print(exc.msg, exc.pos)
duplicate key 'name' in the object 39
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Coroutine
from json.decoder import (  # type: ignore[attr-defined]  # JSONObject: pure Python, not in typeshed
    JSONObject,
    scanstring,
)
from json.scanner import py_make_scanner  # type: ignore[attr-defined]  # the same
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

__all__ = ["UniqueKeysRoute", "loads_unique"]


class _RepeatedKeyError(ValueError):
    """A key seen twice in one object (where is found by a second, slower reading)."""


def _pairs_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        raise _RepeatedKeyError
    return value


def _repeated(pairs: list[tuple[str, Any]]) -> str | None:
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


class _WhereRepeatedDecoder(json.JSONDecoder):
    """A decoder that says at which object a key repeats (Python's scanner, to see objects)."""

    def __init__(self) -> None:
        super().__init__()

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict[str, Any], int]:
            text, after_brace = s_and_end
            pairs, end = JSONObject(s_and_end, *args[:3], list, *args[4:])
            if (key := _repeated(pairs)) is not None:
                raise json.JSONDecodeError(f"duplicate key {key!r} in the object", text,
                                           _second_key_at(text, after_brace, key))
            return dict(pairs), end

        self.parse_object = parse_object
        self.scan_once = py_make_scanner(self)


def _second_key_at(text: str, after_brace: int, key: str) -> int:
    r"""Where the object opened before ``after_brace`` names ``key`` the second time.

    Its own keys only: a nested object's are skipped (strings are read as JSON reads them, so
    a key written ``"\u006eame"`` is "name" too).

    >>> text = '{"a": {"b": 1, "b": 2}, "b": 3, "b": 4}'
    >>> _second_key_at(text, 1, "b") == text.rindex('"b"')
    True
    """
    depth, at, seen = 0, after_brace, 0
    while at < len(text):
        char = text[at]
        if char == '"':
            value, end = scanstring(text, at + 1)
            if depth == 0 and text[end:].lstrip().startswith(":") and value == key:
                seen += 1
                if seen == 2:
                    return at
            at = end
            continue
        depth += 1 if char in "{[" else -1 if char in "}]" else 0
        if depth < 0:
            break
        at += 1
    return after_brace - 1  # not found again: the object's own place


def loads_unique(text: str | bytes) -> Any:
    """``json.loads(text)``, refusing an object that names a key twice.

    Raises :class:`json.JSONDecodeError` for text that is not JSON and for a repeated key, at
    the position of the object that repeats it.
    """
    try:
        return json.loads(text, object_pairs_hook=_pairs_once)
    except _RepeatedKeyError:
        # Rare: read again, slower, to say where.
        decoded = (text.decode(json.detect_encoding(text), "surrogatepass")
                   if isinstance(text, bytes) else text)
        return _WhereRepeatedDecoder().decode(decoded)
    except json.JSONDecodeError:
        raise
    except RecursionError:  # JSON, but nested deeper than any record is
        raise json.JSONDecodeError("nested too deep", _text(text), 0) from None
    except UnicodeDecodeError:
        raise
    except ValueError:  # a number of more digits than Python converts
        raise json.JSONDecodeError(
            f"a number of more than {sys.get_int_max_str_digits()} digits", _text(text), 0,
        ) from None


def _text(text: str | bytes) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


class _UniqueKeysRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            # UTF-8 only (a UTF-8 byte order mark aside), as docs/api.md says: json.loads
            # reads UTF-16 by its byte order mark, and such a body was a 422 "Expecting value"
            # rather than the 400 "send JSON, in UTF-8". A UnicodeDecodeError is that 400.
            self._json = loads_unique((await self.body()).decode("utf-8-sig"))
        return self._json


class UniqueKeysRoute(APIRoute):
    """A route whose JSON body may not name a key twice in one object."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """FastAPI's handler, given a request whose ``json()`` refuses a repeated key."""
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            return await handler(_UniqueKeysRequest(request.scope, request.receive))

        return handler if not self.body_field else handle
