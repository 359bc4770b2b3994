-- The rust-ast language server for Neovim 0.11+, in nvim-lspconfig's layout: with this
-- folder on 'runtimepath', `vim.lsp.enable('rust_ast')` starts `rust-ast serve` for
-- Rust buffers. Change a field with, for example,
--     vim.lsp.config('rust_ast', { cmd = { '/path/to/rust-ast', 'serve' } })
-- `settings.rustAst` answers the server's workspace/configuration requests. Its keys
-- are the VS Code extension's `rustAst.*` settings (README.md, "Editors"), nested:
-- checkCfg.extra, checkCfg.features, cfg.target, inlayHints.nodeIds, edition, and the
-- switches hover.enable, outline.enable, folding.enable, selectionRange.enable and
-- inactiveCode.enable (beside rust-analyzer, set all but the hover's to false); a key
-- left out keeps the server's default.

---@type vim.lsp.Config
return {
  cmd = { 'rust-ast', 'serve' },
  filetypes = { 'rust' },
  root_markers = { 'Cargo.toml', '.git' },
  settings = {
    rustAst = { inlayHints = { nodeIds = false } },
  },
}
