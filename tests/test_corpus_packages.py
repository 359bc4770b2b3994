"""The Debian package list that `scripts/install_corpus.sh` installs covers every crate
folder the tests read, so `make test` passes on a machine where nothing was installed
by hand (apt's recommends are not installed, so dependencies do not come along)."""

from __future__ import annotations

import re

from tests.bless_crate_ids import DEBIAN_CRATES as CRATE_ID_CRATES
from tests.bless_debian_cfg import DEBIAN_CRATES, EVERY_FILE_CRATES
from tests.bless_rustc import CORPUS, corpus_files


def debian_package(crate_folder: str) -> str:
    """`aho-corasick-0.7.19` -> `librust-aho-corasick-dev` (Debian names crates in
    lower case with `-` for `_`)."""
    match = re.fullmatch(r"(.+?)-(\d+\.\d+\.\d+\S*)", crate_folder)
    assert match, f"not a crate folder name: {crate_folder}"
    return "librust-" + match.group(1).replace("_", "-").lower() + "-dev"


def test_package_list_covers_every_crate_the_tests_read() -> None:
    folders = ({rel.split("/")[0] for rel, _ in corpus_files()} | set(DEBIAN_CRATES) | set(EVERY_FILE_CRATES)
               | set(CRATE_ID_CRATES))
    needed = {debian_package(folder) for folder in folders}
    listed = {line.strip() for line in (CORPUS / "debian-packages.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert needed - listed == set(), "add these to tests/data/corpus/debian-packages.txt"
    assert listed - needed == set(), "no test reads these: drop them from debian-packages.txt"
