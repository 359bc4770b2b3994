-- rust_ast: Neovim commands for the rust-ast language server's own requests (the
-- `rustAst/*` methods of server/features/ext.py). plugin/rust_ast.lua calls `attach`
-- on LspAttach, which creates the buffer-local commands:
--   :RustAstTree         the syntax tree in a split (of the lines given as a range, or the
--                        whole file), live as you type, with the cursor's node highlighted
--   :RustAstNodeIds      the NodeId table in a split, live as you type
--   :RustAstGotoId N     jump to the node whose NodeId is N
--   :RustAstExpand       what the file's autodiff attributes expand to, in a split
--   :RustAstToggleHints  NodeId inlay hints on or off (rustAst.inlayHints.nodeIds)
local M = {}

local NAME = 'rust_ast'
local RENDER_DELAY_MS = 200
local ns = vim.api.nvim_create_namespace('rust_ast')

---@param buf integer
---@return vim.lsp.Client?
local function client_for(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = NAME })[1]
end

--- Sends `method` for `buf` and calls `on_result` with the result; errors are notified.
---@param buf integer
---@param method string
---@param params table
---@param on_result fun(result: any)
local function request(buf, method, params, on_result)
  local client = client_for(buf)
  if not client then
    vim.notify('rust-ast: the language server is not attached to this buffer', vim.log.levels.ERROR)
    return
  end
  client:request(method, params, function(err, result)
    if err then
      vim.notify(('rust-ast: %s failed: %s'):format(method, err.message), vim.log.levels.ERROR)
    else
      on_result(result)
    end
  end, buf)
end

---@param cls string
---@param kind string?
local function node_name(cls, kind)
  return kind and (cls .. '::' .. kind) or cls
end

-- Views: scratch buffers in a split that show what the server computes for a source
-- buffer, rendered again after each pause in typing.

---@class rust_ast.View
---@field buf integer          the scratch buffer
---@field source integer       the Rust buffer it shows
---@field render fun(view: rust_ast.View)
---@field spans? (integer[]|false)[]  tree views: rustc span of each line (false: none)
---@field timer uv.uv_timer_t

---@type table<integer, table<string, rust_ast.View>>  source buffer -> kind -> view
local views = {}

---@param view rust_ast.View
---@param lines string[]
local function set_lines(view, lines)
  if not vim.api.nvim_buf_is_valid(view.buf) then
    return
  end
  vim.bo[view.buf].modifiable = true
  vim.api.nvim_buf_set_lines(view.buf, 0, -1, false, lines)
  vim.bo[view.buf].modifiable = false
end

--- Shows the view of `kind` for `source` in a split on the right, creating it if needed.
---@param source integer
---@param kind string  the view's name, also the end of its buffer name
---@param filetype string
---@param render fun(view: rust_ast.View)
local function open_view(source, kind, filetype, render)
  views[source] = views[source] or {}
  local view = views[source][kind]
  if not view then
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, ('rust-ast://%s/%s'):format(vim.api.nvim_buf_get_name(source), kind))
    vim.bo[buf].filetype = filetype
    vim.bo[buf].bufhidden = 'wipe'
    vim.bo[buf].modifiable = false
    view = { buf = buf, source = source, render = render, timer = assert(vim.uv.new_timer()) }
    views[source][kind] = view
    vim.api.nvim_create_autocmd('BufWipeout', {
      buffer = buf,
      once = true,
      callback = function()
        view.timer:close()
        views[source][kind] = nil
      end,
    })
  end
  view.render = render
  if vim.fn.bufwinid(view.buf) == -1 then
    local from = vim.api.nvim_get_current_win()
    vim.cmd('rightbelow vsplit')
    vim.api.nvim_win_set_buf(0, view.buf)
    vim.api.nvim_set_current_win(from)
  end
  render(view)
end

--- The cursor of `win` as rustc counts positions: 1-based line, column in Unicode
--- scalar values from 1.
---@param win integer
---@return integer line, integer col
local function rustc_cursor(win)
  local row, byte = unpack(vim.api.nvim_win_get_cursor(win))
  local text = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), row - 1, row, false)[1] or ''
  return row, vim.str_utfindex(text, 'utf-32', math.min(byte, #text)) + 1
end

---@param a integer[] span
---@param b integer[] span
---@return boolean  whether a lies within b
local function within(a, b)
  local function le(l1, c1, l2, c2)
    return l1 < l2 or (l1 == l2 and c1 <= c2)
  end
  return le(b[1], b[2], a[1], a[2]) and le(a[3], a[4], b[3], b[4])
end

--- Highlights, in a tree view, the line of the smallest node around the source's cursor.
---@param view rust_ast.View
local function reveal(view)
  local source_win, tree_win = vim.fn.bufwinid(view.source), vim.fn.bufwinid(view.buf)
  if not view.spans or source_win == -1 or tree_win == -1 then
    return
  end
  local line, col = rustc_cursor(source_win)
  local cursor = { line, col, line, col }
  local best
  for i, span in ipairs(view.spans) do
    -- Later lines are deeper nodes, so `within` keeps the innermost of equal spans.
    if span and within(cursor, span) and (not best or within(span, view.spans[best])) then
      best = i
    end
  end
  vim.api.nvim_buf_clear_namespace(view.buf, ns, 0, -1)
  if best then
    vim.api.nvim_buf_set_extmark(view.buf, ns, best - 1, 0, { line_hl_group = 'Visual' })
    vim.api.nvim_win_set_cursor(tree_win, { best, 0 })
  end
end

--- The span of each node of a `rustAst/syntaxTree` JSON in pre-order, which is the
--- order of the text's lines; false where a node has none.
---@param json table  a node, or a list of nodes
---@return (integer[]|false)[]
local function preorder_spans(json)
  local spans, n = {}, 0
  local function walk(node)
    n = n + 1
    spans[n] = node.span or false
    for _, child in ipairs(node.children or {}) do
      walk(child)
    end
  end
  for _, node in ipairs(json.class and { json } or json) do
    walk(node)
  end
  return spans
end

---@param buf integer
---@param lines? { first: integer, last: integer }  1-based, inclusive
function M.tree(buf, lines)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  if lines then
    params.range = { start = { line = lines.first - 1, character = 0 }, ['end'] = { line = lines.last, character = 0 } }
  end
  open_view(buf, 'tree', 'rust_ast_tree', function(view)
    request(buf, 'rustAst/syntaxTree', params, function(result)
      view.spans = preorder_spans(result.json)
      set_lines(view, vim.split(result.text, '\n', { trimempty = true }))
      reveal(view)
    end)
  end)
end

---@param buf integer
function M.node_ids(buf)
  open_view(buf, 'nodeids', 'rust_ast_nodeids', function(view)
    request(buf, 'rustAst/nodeIds', { textDocument = vim.lsp.util.make_text_document_params(buf) }, function(rows)
      local lines = { ('%6s  %-24s  %-9s  %s'):format('NodeId', 'Node', 'Line:Col', 'Ident') }
      for _, row in ipairs(rows) do
        local start = row.range and ('%d:%d'):format(row.range.start.line + 1, row.range.start.character + 1) or '-'
        local name = (row.ident or '') .. (row.field and (' (' .. row.field .. ')') or '')
        local line = ('%6d  %-24s  %-9s  %s'):format(row.id, node_name(row.class, row.kind), start, vim.trim(name))
        table.insert(lines, (line:gsub('%s+$', '')))
      end
      set_lines(view, lines)
    end)
  end)
end

---@param buf integer
---@param position? lsp.Position  the attribute to expand; all of them when nil
function M.expand(buf, position)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = position }
  open_view(buf, 'expanded.rs', 'rust', function(view)
    request(buf, 'rustAst/expandAutodiff', params, function(expansions)
      local lines = {}
      for _, e in ipairs(expansions) do
        table.insert(lines, ('// %s -> %s: line %d, %s, width %d, activities %s'):format(
          e.source, e.generated, e.span[1], e.mode, e.width, table.concat(e.activities, ', ')))
        for _, d in ipairs(e.diagnostics) do
          table.insert(lines, ('// %s at %d:%d: %s'):format(d.level, d.span[1], d.span[2], d.message))
        end
        vim.list_extend(lines, e.text and vim.split(e.text, '\n') or {})
        table.insert(lines, '')
      end
      if #lines == 0 then
        lines = { ('// No autodiff attribute %s.'):format(position and 'at this position' or 'in this file') }
      end
      set_lines(view, lines)
    end)
  end)
end

---@param buf integer
---@param id integer
function M.goto_id(buf, id)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), id = id }
  request(buf, 'rustAst/findNodeId', params, function(location)
    if not location then
      vim.notify(('rust-ast: no node in this file has NodeId %d'):format(id), vim.log.levels.WARN)
      return
    end
    local client = assert(client_for(buf))
    vim.lsp.util.show_document(location, client.offset_encoding, { focus = true })
  end)
end

--- Flips rustAst.inlayHints.nodeIds, tells the server, and shows or hides inlay hints.
---@param buf integer
function M.toggle_hints(buf)
  local client = client_for(buf)
  if not client then
    return
  end
  local settings = client.settings
  settings.rustAst = vim.tbl_deep_extend('force', settings.rustAst or {}, {
    inlayHints = { nodeIds = not vim.tbl_get(settings, 'rustAst', 'inlayHints', 'nodeIds') },
  })
  client:notify('workspace/didChangeConfiguration', { settings = settings })
  vim.lsp.inlay_hint.enable(settings.rustAst.inlayHints.nodeIds, { bufnr = buf })
end

--- Creates the commands and autocommands for a Rust buffer the server attached to.
---@param buf integer
---@param client vim.lsp.Client
function M.attach(buf, client)
  local function command(name, fn, opts)
    vim.api.nvim_buf_create_user_command(buf, name, fn, vim.tbl_extend('force', { force = true }, opts or {}))
  end
  command('RustAstTree', function(opts)
    M.tree(buf, opts.range > 0 and { first = opts.line1, last = opts.line2 } or nil)
  end, { range = true, desc = 'rust-ast: show the syntax tree' })
  command('RustAstNodeIds', function()
    M.node_ids(buf)
  end, { desc = 'rust-ast: show the NodeId table' })
  command('RustAstGotoId', function(opts)
    local id = tonumber(opts.args)
    if not id or id < 0 or id % 1 ~= 0 then
      vim.notify('rust-ast: :RustAstGotoId takes a NodeId, a number such as 42', vim.log.levels.ERROR)
      return
    end
    M.goto_id(buf, id)
  end, { nargs = 1, desc = 'rust-ast: go to the node with this NodeId' })
  command('RustAstExpand', function()
    M.expand(buf)
  end, { desc = 'rust-ast: show what the autodiff attributes expand to' })
  command('RustAstToggleHints', function()
    M.toggle_hints(buf)
  end, { desc = 'rust-ast: NodeId inlay hints on or off' })

  local group = vim.api.nvim_create_augroup('rust_ast_buf_' .. buf, { clear = true })
  vim.api.nvim_create_autocmd({ 'TextChanged', 'TextChangedI' }, {
    group = group,
    buffer = buf,
    callback = function()
      for _, view in pairs(views[buf] or {}) do
        view.timer:start(RENDER_DELAY_MS, 0, vim.schedule_wrap(function()
          view.render(view)
        end))
      end
    end,
  })
  vim.api.nvim_create_autocmd({ 'CursorMoved', 'CursorMovedI' }, {
    group = group,
    buffer = buf,
    callback = function()
      local tree = (views[buf] or {}).tree
      if tree then
        reveal(tree)
      end
    end,
  })

  if vim.tbl_get(client.settings, 'rustAst', 'inlayHints', 'nodeIds') then
    vim.lsp.inlay_hint.enable(true, { bufnr = buf })
  end
end

-- Autodiff code lenses run this client-side command with the file and the position.
vim.lsp.commands['rustAst.previewAutodiff'] = function(command)
  local uri, position = unpack(command.arguments or {})
  M.expand(uri and vim.uri_to_bufnr(uri) or vim.api.nvim_get_current_buf(), position)
end

return M
