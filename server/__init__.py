"""rust-ast's front ends: the command line (`cli`) and the language server (`server`)."""
