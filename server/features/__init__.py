"""One module per LSP feature; each has `register(server)`, which `server.py` calls.
What a feature adds to the answers several share (a hover's sections, diagnostics, code
lenses) it registers in `server.contributions` (`registry.py`)."""
