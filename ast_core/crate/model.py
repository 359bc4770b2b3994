"""A crate: its root file, its configuration, and the files its module tree reaches.

Each file of the crate is a `Document` numbered in its own right: a module file's
inner attributes and items get the ids rustc gives them at the `mod x;` item that
loads it (its *place*). The file declaring `mod x;` counts x's ids (`ChildMod`) into
the unit holding the item and remembers where they go (a `Hole`); so a file's ids
depend only on the files before it through its ancestors, and are brought there
lazily (`place`). An edit in one file renumbers the units holding its `mod` item, up
to the crate root (`refresh`): files after it only move, as units after an edit do
inside a document.

Files are read from disk once, and again when their modification time or size
changes (`check_disk`, which `Crates.check_disk` runs); an open buffer (`open`)
overrides the disk.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document, DocumentConfig
from ..model import Item, ItemKind
from ..passes.node_ids import ChildMod
from ..patterns import lazy_regex
from ..project import ModFiles, UsageError, file_stamp, read_source
from ..tokens import tokenize
from .config import CrateConfig

_MOD_DECL = lazy_regex(rb"\bmod\s+((?:r#)?[A-Za-z_][A-Za-z0-9_]*)\s*;")
#: Source bytes of files a crate keeps lowered until a pass reads them (`_keeps_model`);
#: past it, such a file drops its model once loaded, and is lowered again when read.
UNREAD_MODELS_BYTES = 512_000


class CrateFile:
    """One file of a crate: where it sits in the module tree and its document.

    It is the `ModuleLink` of its document: `load_child` finds and counts the files
    of the document's `mod x;` items."""

    def __init__(self, crate: CrateModel, path: Path, module: tuple[str, ...], parent: CrateFile | None,
                 owns_folder: bool, *, is_open: bool = False, in_macro: str | None = None) -> None:
        self.crate = crate
        self.path = path
        self.module = module  # the module path from the crate root (() for the root)
        self.parent = parent
        self.owns_folder = owns_folder  # `mod x;` in it looks beside it (crate root, mod.rs, #[path]), not in `a/`
        self.doc: Document | None = None
        self.is_open = is_open
        self.in_macro = in_macro  # the macro whose call declares the module (`cfg_rt! { mod rt; }`)
        self.stamp: tuple = ()
        self.seen_revision = -1
        self.mod_files = ModFiles(path, owns_folder)

    @property
    def is_root(self) -> bool:
        return self.parent is None

    @property
    def declaring_macro(self) -> str | None:
        """The macro call declaring this module or one around it: rustc numbers the
        module only after that call expands."""
        file: CrateFile | None = self
        while file is not None:
            if file.in_macro is not None:
                return file.in_macro
            file = file.parent
        return None

    @property
    def module_name(self) -> str:
        return "::".join(("crate", *self.module))

    def load_child(self, item: Item, mod_path: tuple[str, ...], path_attr: str | None,
                   count: bool = True) -> ChildMod | None:
        assert isinstance(item.kind, ItemKind.Mod)  # the document asks only for `mod x;` items
        name = item.kind.ident.name
        found = self.mod_files.resolve(item, mod_path, path_attr)
        if found is None:
            return None
        path = found.resolve()
        child = self.crate.child(self, path, (*self.module, *mod_path, name.removeprefix("r#")),
                                 owns_folder=path_attr is not None or found.name == "mod.rs")
        if child is None or child.doc is None:
            return None
        if count and child.doc.unplaced:  # counted from 0 until the crate places it
            child.doc.move_to((0, None))
        return child.doc.child_mod(path)


class PendingLink:
    """The link of a file whose crate is not loaded yet: a module file of unknown
    place, which loads no module files (no id of it is known)."""

    is_root = False

    def load_child(self, item: Item, mod_path: tuple[str, ...], path_attr: str | None,
                   count: bool = True) -> ChildMod | None:
        return None


PENDING = PendingLink()


class CrateModel:
    """One crate: `kind` is cargo's target kind (lib, bin, example, test, bench,
    build) or "file" for a file that is a crate root by itself."""

    def __init__(self, root: Path, kind: str, edition: int, config: CrateConfig,
                 name: str | None = None, buffers: dict[Path, bytes] | None = None) -> None:
        self.root = root.resolve()
        self.kind = kind
        self.name = name
        self.edition = edition
        self.config = config
        self.buffers = buffers if buffers is not None else {}  # open files' texts, shared by the crates
        self.files: dict[Path, CrateFile] = {}
        self._loading: set[Path] = set()
        self._unread_bytes = 0  # the source of the files lowered until a pass reads them
        self.folder: Path | None = None  # the package's folder (None outside a package)

    def display_root(self) -> str:
        """The root file, relative to the package's folder (`src/lib.rs`)."""
        if self.folder is not None and self.root.is_relative_to(self.folder):
            return self.root.relative_to(self.folder).as_posix()
        return self.root.name

    # -- files ------------------------------------------------------------------------

    def document_config(self, path: Path) -> DocumentConfig:
        return DocumentConfig(self.edition, self.config.cfg, path, self.config.open_names)

    def root_file(self, doc: Document | None = None) -> CrateFile:
        """The crate root's file, loaded (with its whole module tree) on first use;
        `doc` adopts a document being built for it."""
        file = self.files.get(self.root)
        if file is None:
            file = self.files[self.root] = CrateFile(self, self.root, (), None, True)
            if doc is not None:  # a buffer: never read from disk
                file.doc, file.is_open = doc, True
            else:
                self._load(file)
                if not any(path in self.files for path in self.buffers):
                    self._drop_unread()  # loaded to see whether it reaches a file: no pass reads it
        return file

    def _drop_unread(self) -> None:
        """Drop now the models files keep only until a pass reads them."""
        for file in self.files.values():
            if file.doc is not None and not file.doc.model_kept:
                file.doc.drop_model()

    def child(self, parent: CrateFile, path: Path, module: tuple[str, ...], owns_folder: bool) -> CrateFile | None:
        """The file a `mod` item of `parent` loads, loaded; None for a circular module."""
        if path in self._loading or path == self.root:
            return None
        file = self.files.get(path)
        if file is None:
            file = self.files[path] = CrateFile(self, path, module, parent, owns_folder,
                                                is_open=path in self.buffers)
            if parent.declaring_macro is not None and not file.is_open:
                self._scan(file)  # no id of it is known: only its modules matter
            else:
                self._load(file)
            return file
        if file.parent is not parent and not self._declared(file):  # its `mod` item moved here
            file.parent, file.module, file.owns_folder = parent, module, owns_folder
            file.mod_files = ModFiles(path, owns_folder)
            if file.doc is not None:  # its own `mod` items may now be other files
                self._load(file)
        elif file.doc is None:
            if parent.declaring_macro is None or file.is_open:
                self._load(file)
        else:
            self._check_file(file)
        return file

    @staticmethod
    def _declared(file: CrateFile) -> bool:
        """Whether the `mod` item that loaded `file` is still there (a second `mod`
        item naming the same file leaves it where the first put it)."""
        parent = file.parent
        return parent is not None and parent.doc is not None and parent.doc.hole(file.path) is not None

    def _load(self, file: CrateFile, read_now: bool = False) -> None:
        """Read and lower `file`; `read_now`: for a reader about to read it (whose pass
        then drops its model), not for the crate's module tree."""
        self._loading.add(file.path)
        try:
            src = self.buffers.get(file.path)
            if src is None:
                file.stamp = file_stamp(file.path)
                try:
                    src = read_source(file.path)
                except UsageError:
                    file.doc = None
                    return
            file.doc = Document(src, self.document_config(file.path), file, placed=file.declaring_macro is None)
            file.seen_revision = file.doc.revision
            self._macro_mods(file)
            if not file.is_open and file.path not in self.buffers:  # read from disk: never edited
                file.doc.drop_tree()
                file.doc.model_kept = self._keeps_model(file)
                if not file.doc.model_kept and not read_now:
                    self._unread_bytes += len(src)
                    if self._unread_bytes > UNREAD_MODELS_BYTES:  # (a large crate: bounded memory)
                        file.doc.drop_model()
        finally:
            self._loading.discard(file.path)

    def _keeps_model(self, file: CrateFile) -> bool:
        """Whether a file read from disk keeps its lowered model: when no file is open
        in the editor (a CLI run reads the files it loads), or when one is among its
        modules (its units are numbered again as that file is edited). Any other file
        keeps what numbering needs once the crate's passes have read it (check-cfg's
        session reads every file; `Document.drop_model`), and is lowered again when read:
        an editor opens a few files of each crate, each crate loads all of its files."""
        if not self.buffers:
            return True
        for path in self.buffers:
            below = self.files.get(path)
            while below is not None:
                if below is file:
                    return True
                below = below.parent
        return False

    def _macro_mods(self, file: CrateFile) -> None:
        """Load the modules a file declares inside top-level macro calls: rustc
        numbers them only after the call expands, but they are the crate's files (with
        ids unknown here), not crates of their own."""
        doc = file.doc
        assert doc is not None
        for index in range(len(doc.units)):
            for item in doc.materialize(index, ids=False).items:
                kind = item.kind
                if not isinstance(kind, ItemKind.MacCall):
                    continue
                tokens = tokenize(doc.src, *kind.mac.args.dspan)
                for i in range(len(tokens) - 2):
                    if tokens[i].text != "mod" or tokens[i + 1].kind != "ident" or tokens[i + 2].text != ";":
                        continue
                    name = tokens[i + 1].text
                    found = file.mod_files.resolve_name(name, (), None, record=False)
                    if found is None or found.resolve() in self.files or found.resolve() in self._loading:
                        continue
                    macro = "::".join(seg.ident.name for seg in kind.mac.path.segments)
                    path = found.resolve()
                    child = self.files[path] = CrateFile(
                        self, path, (*file.module, name.removeprefix("r#")), file, found.name == "mod.rs",
                        is_open=path in self.buffers, in_macro=macro)
                    if child.is_open:
                        self._load(child)
                    else:
                        self._scan(child)

    def _scan(self, file: CrateFile) -> None:
        """Register the modules of a file no id of which is known (a macro call declares
        it or a module around it) from its text, without lowering it: `mod x;`
        anywhere in it, resolved beside it (one in a comment registers a file too: its
        ids are unknown all the same). Its document is made when it is asked for
        (`document`)."""
        try:
            src = self.buffers.get(file.path) or read_source(file.path)
        except UsageError:
            return
        file.stamp = file_stamp(file.path)
        for match in _MOD_DECL().finditer(src):
            name = match.group(1).decode()
            found = file.mod_files.resolve_name(name, (), None, record=False)
            if found is None:
                continue
            path = found.resolve()
            if path in self.files or path == self.root:
                continue
            child = self.files[path] = CrateFile(self, path, (*file.module, name.removeprefix("r#")), file,
                                                 found.name == "mod.rs", is_open=path in self.buffers)
            self._scan(child)

    def document(self, file: CrateFile) -> Document | None:
        """The file's document, made now for a file only scanned so far."""
        if file.doc is None:
            self._load(file, read_now=True)
        return file.doc

    def _check_file(self, file: CrateFile) -> bool:
        """Reload a file not open in the editor when it changed on disk."""
        if file.is_open or file.stamp == file_stamp(file.path):
            return False
        self._load(file)
        return True

    # -- open buffers -----------------------------------------------------------------

    def open(self, path: Path) -> CrateFile | None:
        """Make the crate read `path` from `buffers` (already set): the file's
        document, now the buffer's; None when the crate does not reach it."""
        root = self.root_file()
        file = self.files.get(path)
        if file is None or (file is not root and not self.place(file)):
            return None
        file.is_open = True
        above = file.parent
        while above is not None:  # numbered again as the file is edited: lowered now, not then
            if above.doc is not None:
                above.doc.model_kept = True
                above.doc.restore_model()
            above = above.parent
        if file.doc is None or file.doc.src != self.buffers[path] or not file.doc.editable:
            self._load(file)
            self._changed(file)
        return file

    def close(self, path: Path) -> None:
        """Back to the disk's text for `path`."""
        file = self.files.get(path)
        if file is not None and file.is_open:
            file.is_open = False
            file.stamp = ()
            self._check_file(file)
            self._changed(file)

    # -- keeping the numbering up to date ----------------------------------------------

    def refresh(self) -> None:
        """Take in edits of open documents: the units holding the `mod` items of files
        whose counts changed are numbered again, up to the crate root."""
        changed = []
        opened = [self.files[path] for path in self.buffers if path in self.files]
        root = self.files.get(self.root)
        if root is not None and root.is_open and root.path not in self.buffers:  # a document given to it
            opened.append(root)
        for file in opened:
            if file.is_open and file.doc is not None:
                file.doc.sync()
                if file.doc.revision != file.seen_revision:
                    changed.append(file)
        for file in changed:
            self._changed(file)

    def check_disk(self) -> bool:
        """Read again the files not open in the editor that changed on disk, and
        renumber after them; whether any did."""
        changed = [f for f in list(self.files.values()) if not f.is_open and f.doc is not None and self._check_file(f)]
        for file in changed:
            self._changed(file)
        return bool(changed)

    def _changed(self, file: CrateFile) -> None:
        while file.doc is not None:
            file.seen_revision = file.doc.revision
            parent = file.parent
            if parent is None or parent.doc is None:
                return
            before = parent.doc.next_id
            counts = None if file.doc.unplaced else file.doc.child_mod(file.path)  # (unplaced: counted when loaded)
            if not parent.doc.renumber_holes(file.path, counts) or parent.doc.next_id == before:
                parent.seen_revision = parent.doc.revision
                return
            file = parent

    def place(self, file: CrateFile) -> bool:
        """Put `file`'s ids where the crate numbers them; False when no `mod` item of
        the crate loads it now."""
        if file.parent is None:
            return file.path == self.root
        if file.declaring_macro is not None:  # numbered after a macro call expands: unknown
            if file.doc is not None:
                file.doc.move_to(None)
                file.seen_revision = file.doc.revision
            return True
        if file.doc is None or file.parent.doc is None or not self.place(file.parent):
            return False
        parent = file.parent.doc
        if parent.unplaced:  # the parent's ids are unknown: so are this file's
            file.doc.move_to(None)
            file.seen_revision = file.doc.revision
            return True
        hole = parent.hole(file.path)
        if hole is None:
            if parent.unknown_after is None and not parent.unplaced:
                return False  # no `mod` item loads it now
            file.doc.move_to(None)  # the parent's ids stop before its `mod` item: unknown
        else:
            file.doc.move_to((hole.inner_base, hole.items_base))
        file.seen_revision = file.doc.revision
        return True

    def prepare(self, file: CrateFile) -> bool:
        """Everything up to date for reading `file`'s ids; whether the crate reaches it."""
        self.refresh()
        return self.place(file)

    def reached(self) -> list[CrateFile]:
        """The files of the module tree, in the order rustc numbers them."""
        root = self.root_file()
        out: list[CrateFile] = []

        def visit(file: CrateFile) -> None:
            out.append(file)
            if file.doc is None:
                return
            holes = [hole for unit in file.doc.units for hole in unit.holes]
            for hole in holes:
                child = self.files.get(hole.key) if isinstance(hole.key, Path) else None  # a mod file's path
                if child is not None and child.parent is file:
                    visit(child)

        visit(root)
        return out
