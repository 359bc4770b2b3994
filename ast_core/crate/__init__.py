"""The crate a file belongs to, and the one configuration it is compiled in.

`Crates.crate_of(path)` finds a file's crate as cargo builds it (`workspace`), with its
configuration (`config`); the crate's module tree and crate-wide NodeIds live in
`model`. A `Document` made without a crate is the root of a crate of its own
(`standalone_link`): what `rustc FILE` compiles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..targets import host_target
from .config import CrateConfig, Request, build_script_cfgs, crate_config, parse_cfg_specs
from .model import PENDING, CrateFile, CrateModel
from .workspace import Crates

if TYPE_CHECKING:
    from ..document import Document, DocumentConfig
    from ..passes.node_ids import ModHook


def standalone_link(doc: Document) -> CrateFile:
    """Make `doc` (a file on disk, being built) the root of a crate of its own, in its
    document's configuration."""
    return _standalone_crate(doc.config).root_file(doc)


def module_loader(config: DocumentConfig) -> ModHook | None:
    """The `mod x;` files of a crate root on disk, for numbering it piecewise (without
    a `Document` of the root itself); None for a text that is no file."""
    if config.path is None:
        return None
    crate = _standalone_crate(config)
    root = crate.files[crate.root] = CrateFile(crate, crate.root, (), None, True)
    return root.load_child


def _standalone_crate(config: DocumentConfig) -> CrateModel:
    assert config.path is not None
    return CrateModel(config.path, "file", config.edition, CrateConfig(host_target(), (), (), config.cfg))


__all__ = ["PENDING", "CrateConfig", "CrateFile", "CrateModel", "Crates", "Request", "build_script_cfgs",
           "crate_config", "module_loader", "parse_cfg_specs", "standalone_link"]
