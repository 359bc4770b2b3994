-- Headless Neovim init file for tests/e2e/test_neovim.py: does what a user does with
-- editors/neovim on the runtimepath, and writes what Neovim showed to a JSON file.
--
--   nvim --headless -n -i NONE -u probe.lua
--
-- The steps run in a coroutine that yields to Neovim's main loop while it waits, so
-- autocommands (LspAttach, CursorMoved, TextChanged) fire as they do for a user.
-- Environment: E2E_PLUGIN (editors/neovim), E2E_FILE (the .rs file), E2E_RESULT (JSON
-- out), E2E_HOVER_LINE/E2E_HOVER_CHAR (0-based), E2E_GOTO_ID, E2E_TIMEOUT_MS, and
-- E2E_SETTINGS: JSON for `settings` (vim.lsp.config); with it, the probe waits for
-- diagnostics of the (sorted, comma-separated) codes E2E_DIAGNOSTIC_CODES, then only
-- asks for the hover, to see features switched off.
-- Exit status: 0 when every step ran (the test judges what was seen), 1 otherwise.

local uv = vim.uv
local env = vim.env
-- Before plugin loading, which follows this file: plugin/rust_ast.lua must load.
vim.opt.runtimepath:prepend(env.E2E_PLUGIN)
local timeout = tonumber(env.E2E_TIMEOUT_MS or '') or 20000
local t0 = uv.hrtime()
local result = { steps_ms = {} }

local function mark(step)
  result.steps_ms[step] = math.floor((uv.hrtime() - t0) / 1e6)
end

--- Yields to the main loop until cond() returns a value, which it returns.
local function wait_for(what, cond)
  local deadline = uv.hrtime() + timeout * 1e6
  local co = coroutine.running()
  while true do
    local value = cond()
    if value then
      return value
    end
    if uv.hrtime() > deadline then
      error(('timed out after %d ms waiting for %s'):format(timeout, what), 0)
    end
    vim.defer_fn(function()
      coroutine.resume(co)
    end, 20)
    coroutine.yield()
  end
end

local function buffer_named(suffix)
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.endswith(vim.api.nvim_buf_get_name(buf), suffix) then
      return buf
    end
  end
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function finish(status)
  local clients = vim.lsp.get_clients()
  for _, client in ipairs(clients) do
    client:stop()
  end
  -- The server must exit on shutdown/exit; the test's leak check catches it if not.
  result.server_exited = vim.wait(5000, function()
    return vim.iter(clients):all(function(c)
      return c:is_stopped()
    end)
  end, 20)
  local file = assert(io.open(env.E2E_RESULT, 'w'))
  file:write(vim.json.encode(result))
  file:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit 1')
end

local function steps()
  -- vim.lsp.enable() skips a command that is not executable, saying so only in lsp.log.
  local cmd = vim.lsp.config.rust_ast.cmd[1]
  if vim.fn.executable(cmd) == 0 then
    error(('%s is not an executable on PATH'):format(cmd), 0)
  end
  vim.cmd.edit(vim.fn.fnameescape(env.E2E_FILE))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  local client = wait_for('the rust_ast client to attach', function()
    return vim.lsp.get_clients({ bufnr = buf, name = 'rust_ast' })[1]
  end)
  mark('attached')
  result.server_name = client.server_info and client.server_info.name
  result.commands = vim.tbl_keys(vim.api.nvim_buf_get_commands(buf, {}))

  -- The server may publish once before it has fetched the settings: with E2E_SETTINGS,
  -- wait for diagnostics of exactly the codes E2E_DIAGNOSTIC_CODES lists.
  local want_codes = env.E2E_DIAGNOSTIC_CODES and vim.split(env.E2E_DIAGNOSTIC_CODES, ',')
  wait_for('diagnostics' .. (want_codes and (' with codes ' .. env.E2E_DIAGNOSTIC_CODES) or ''), function()
    local diags = vim.diagnostic.get(buf)
    if not want_codes then
      return #diags > 0
    end
    local codes = vim.tbl_map(function(d)
      return d.code
    end, diags)
    table.sort(codes)
    return vim.deep_equal(codes, want_codes)
  end)
  mark('diagnostics')
  result.diagnostics = vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, message = d.message, source = d.source, code = d.code,
             severity = vim.diagnostic.severity[d.severity] }
  end, vim.diagnostic.get(buf))

  local hover_pos = { tonumber(env.E2E_HOVER_LINE) + 1, tonumber(env.E2E_HOVER_CHAR) }
  vim.api.nvim_win_set_cursor(0, hover_pos)
  if env.E2E_SETTINGS then
    -- What the server answers, not a window: a switched-off hover opens none to wait for.
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout) or {}
    result.hover_answers = vim.tbl_map(function(answer)
      return { error = answer.err and answer.err.message, result = answer.result or vim.NIL }
    end, vim.tbl_values(answers))
    return
  end

  -- Hover as a user does (K runs vim.lsp.buf.hover), then read the floating window.
  vim.lsp.buf.hover()
  local float = wait_for('the hover window', function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        return win
      end
    end
  end)
  mark('hover')
  result.hover = lines(vim.api.nvim_win_get_buf(float))
  vim.api.nvim_win_close(float, true)

  vim.cmd('RustAstTree')
  local tree = wait_for('the :RustAstTree buffer', function()
    local found = buffer_named('/tree')
    return found and #lines(found) > 1 and found
  end)
  mark('tree')
  result.tree = lines(tree)
  result.tree_windows = #vim.fn.win_findbuf(tree)
  local ns = vim.api.nvim_get_namespaces().rust_ast
  local function highlighted()
    local marks = vim.api.nvim_buf_get_extmarks(tree, ns, 0, -1, {})
    return marks[1] and lines(tree)[marks[1][2] + 1]
  end
  result.tree_highlight = wait_for('the cursor node highlighted in the tree', highlighted)

  -- Moving the cursor moves the highlight (CursorMoved).
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  result.tree_highlight_top = wait_for('the highlight to follow the cursor', function()
    local line = highlighted()
    return line ~= result.tree_highlight and line
  end)

  -- An edit re-renders the tree (TextChanged).
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { 'fn added() {}' })
  result.tree_after_edit = wait_for('the tree to show the new item', function()
    local now = lines(tree)
    return vim.iter(now):any(function(l)
      return l:find(' added$') ~= nil
    end) and now
  end)
  mark('tree_live')

  -- A range (`:N,MRustAstTree`) shows only the nodes covering those lines.
  vim.cmd(('%dRustAstTree'):format(hover_pos[1]))
  result.tree_of_line = wait_for('the tree of one line', function()
    local now = lines(tree)
    return not vim.startswith(now[1], 'Crate') and now
  end)
  mark('tree_range')

  vim.cmd('RustAstGotoId ' .. env.E2E_GOTO_ID)
  result.goto_cursor = wait_for(':RustAstGotoId to move the cursor', function()
    local pos = vim.api.nvim_win_get_cursor(0)
    return (pos[1] ~= 1 or pos[2] ~= 0) and { pos[1] - 1, pos[2] }
  end)
  mark('goto')

  vim.cmd('RustAstNodeIds')
  result.node_ids = wait_for('the :RustAstNodeIds buffer', function()
    local found = buffer_named('/nodeids')
    return found and #lines(found) > 1 and lines(found)
  end)
  mark('node_ids')

  vim.cmd('RustAstToggleHints')
  result.inlay_hints = wait_for('NodeId inlay hints', function()
    local hints = vim.lsp.inlay_hint.get({ bufnr = buf })
    return #hints > 0 and vim.tbl_map(function(h)
      local label = h.inlay_hint.label
      if type(label) ~= 'string' then
        label = table.concat(vim.tbl_map(function(part)
          return part.value
        end, label))
      end
      return { line = h.inlay_hint.position.line, label = label }
    end, hints)
  end)
  mark('inlay_hints')

  -- The autodiff code lens runs the plugin's rustAst.previewAutodiff.
  vim.lsp.codelens.refresh({ bufnr = buf })
  local lenses = wait_for('code lenses', function()
    local found = vim.lsp.codelens.get(buf)
    return #found > 0 and found
  end)
  result.code_lenses = vim.tbl_map(function(lens)
    return { line = lens.range.start.line, title = lens.command and lens.command.title }
  end, lenses)
  vim.api.nvim_win_set_cursor(0, { lenses[1].range.start.line + 1, 0 })
  vim.lsp.codelens.run()
  result.expansion = wait_for('the autodiff expansion', function()
    local found = buffer_named('/expanded.rs')
    return found and #lines(found) > 1 and lines(found)
  end)
  mark('autodiff')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    if env.E2E_SETTINGS then
      vim.lsp.config('rust_ast', { settings = vim.json.decode(env.E2E_SETTINGS) })
    end
    vim.lsp.enable('rust_ast')
    -- Scheduled: autocommands do not nest, and :edit inside this one would fire no
    -- FileType (so no filetype, no client).
    vim.schedule(function()
      coroutine.wrap(function()
        local ok, err = xpcall(steps, debug.traceback)
        result.error = not ok and err or nil
        finish(ok and 0 or 1)
      end)()
    end)
  end,
})
