-- Adds the :RustAst* commands to each buffer the rust_ast language server attaches to.
if vim.g.loaded_rust_ast then
  return
end
vim.g.loaded_rust_ast = true

vim.api.nvim_create_autocmd('LspAttach', {
  group = vim.api.nvim_create_augroup('rust_ast', { clear = true }),
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if client and client.name == 'rust_ast' then
      require('rust_ast').attach(args.buf, client)
    end
  end,
})
