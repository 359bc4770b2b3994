"""Background work in the server waits for the client to pause (`RustAstProtocol.idle`)."""

from __future__ import annotations

import time

from server.protocol import IDLE_BEFORE_WORK
from server.server import create_server


async def test_idle_waits_until_no_message_came_for_a_while() -> None:
    protocol = create_server().protocol
    protocol.last_message_at = time.monotonic()  # a message just came
    await protocol.idle()
    assert time.monotonic() - protocol.last_message_at >= IDLE_BEFORE_WORK
