"""`rust-ast serve` with a hover handler that raises: proves a failing handler answers
its request with an error, is logged, and leaves the server serving."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from server.server import create_server  # noqa: E402


def main() -> None:
    server = create_server()

    def failing_hover(params: types.HoverParams) -> None:
        raise RuntimeError("injected failure")

    server.protocol.fm.features[types.TEXT_DOCUMENT_HOVER] = failing_hover
    server.start_io()


if __name__ == "__main__":
    main()
