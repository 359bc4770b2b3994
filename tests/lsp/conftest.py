"""pytest-lsp fixtures: the real `rust-ast serve` over stdio, with VS Code's and
Neovim's capability profiles; LspSpecificationWarning is an error (pyproject.toml)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import JsonRPCResponseMessage
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "server", "serve"]
PROFILES = {"vscode": "visual-studio-code", "neovim": "neovim"}
PATIENCE = 60.0
"""Seconds a test waits for the server: generous, as a loaded 2-core machine is slow,
and a passing test waits only as long as the server needs."""


async def until(condition: Callable[[], object], timeout: float = PATIENCE) -> None:
    """Waits until `condition()` holds or `timeout` passes; the test then asserts what
    it expected (never a fixed sleep)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)


def keep_raw_results(client: LanguageClient) -> None:
    """Results of `rustAst/*` requests as the JSON the server sent: pygls's client would
    make namedtuples of them, renaming keys such as `class`."""
    client.protocol._converter.register_structure_hook(
        JsonRPCResponseMessage, lambda obj, cls: cls(**obj))


REGISTRATIONS: dict[int, list[types.Registration]] = {}
"""What the server registered dynamically with each client (`client/registerCapability`)."""


def accept_registrations(client: LanguageClient) -> None:
    """Answer `client/registerCapability` as an editor does (the server watches
    Cargo.toml and build.rs that way), remembering what was registered."""
    registered = REGISTRATIONS.setdefault(id(client), [])

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)


@pytest_lsp.fixture(params=list(PROFILES), config=ClientServerConfig(server_command=SERVER))
async def client(request: pytest.FixtureRequest, lsp_client: LanguageClient):
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    params = types.InitializeParams(capabilities=client_capabilities(PROFILES[request.param]))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def vscode(lsp_client: LanguageClient):
    keep_raw_results(lsp_client)
    accept_registrations(lsp_client)
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()
