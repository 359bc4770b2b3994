"""One module per LSP feature; each has `register(server)`, which `server.py` calls."""
