-- corpus-lint in Neovim (>= 0.7, headless, built-in LSP client), server over stdio.
-- nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/e2e.lua'
-- env: SERVER_JS (bundled server), PAGE (a seed page, copied into WORK_DIR), EXPECT_JSON (the engine's own
--      findings for PAGE: `corpus-lint check --format json --no-entities`), RESULT_JSON (written), WORK_DIR.
-- Checks: diagnostics (rule codes and counts equal the engine's), hover on the spam line, document symbols,
-- a quick fix applied to the buffer (the spam line is gone, its diagnostic too). Exit 0 / 1.
local server_js = assert(os.getenv('SERVER_JS'), 'SERVER_JS not set')
local page = assert(os.getenv('PAGE'), 'PAGE not set')
local expect_path = assert(os.getenv('EXPECT_JSON'), 'EXPECT_JSON not set')
local work = assert(os.getenv('WORK_DIR'), 'WORK_DIR not set')
local out_path = os.getenv('RESULT_JSON') or (work .. '/nvim-results.json')
local t0 = vim.loop.hrtime()
local v = vim.version()
local result = { nvim = v.major .. '.' .. v.minor .. '.' .. v.patch, checks = {} }
local passed, failed = 0, 0

local function elapsed() return (vim.loop.hrtime() - t0) / 1e9 end
local function readfile(p) local f = assert(io.open(p, 'r')); local s = f:read('*a'); f:close(); return s end

-- one named check: failures are recorded and counted, later checks still run when they can
local function check(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then passed = passed + 1; print('ok - nvim: ' .. name)
  else failed = failed + 1; print('not ok - nvim: ' .. name .. ': ' .. tostring(err)) end
  table.insert(result.checks, { name = name, ok = ok, error = ok and vim.NIL or tostring(err), t = elapsed() })
  return ok
end

local function counts(list, key)
  local c = {}
  for _, x in ipairs(list) do local k = x[key]; c[k] = (c[k] or 0) + 1 end
  return c
end
local function same_counts(a, b)
  for k, n in pairs(a) do if b[k] ~= n then return false end end
  for k, n in pairs(b) do if a[k] ~= n then return false end end
  return true
end

local function main()
  vim.fn.mkdir(work, 'p')
  local file = work .. '/' .. vim.fn.fnamemodify(page, ':t')
  local src = readfile(page)
  local f = assert(io.open(file, 'w')); f:write(src); f:close()
  local expected = vim.fn.json_decode(readfile(expect_path)).findings
  local expected_counts = counts(expected, 'rule')
  result.expected = expected_counts

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local diags, exit_code, stderr_tail = nil, nil, ''
  local client_id = vim.lsp.start_client({
    name = 'corpus-lint',
    cmd = { 'node', '--max-semi-space-size=4', server_js, '--stdio' }, -- the flags of server/src/launch.ts
    root_dir = work,
    get_language_id = function() return 'plaintext' end, -- -u NONE: no filetype detection
    on_exit = function(code) exit_code = code end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        if params and params.uri == uri then diags = params.diagnostics end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)
  local td = { uri = uri }

  local spam
  local ok_diag = check('diagnostics: rule codes and counts equal the engine', function()
    vim.wait(30000, function()
      return exit_code ~= nil or (diags ~= nil and same_counts(counts(diags, 'code'), expected_counts))
    end, 50)
    assert(exit_code == nil, 'language server exited with code ' .. tostring(exit_code))
    assert(diags ~= nil, 'no diagnostics within 30 s')
    result.diagnostics = counts(diags, 'code')
    assert(same_counts(result.diagnostics, expected_counts),
      'diagnostics ' .. vim.inspect(result.diagnostics) .. ' differ from the engine ' .. vim.inspect(expected_counts))
    for _, d in ipairs(diags) do
      assert(d.source == 'corpus-lint', 'source ' .. tostring(d.source))
      if not spam and tostring(d.code):match('^spam/') then spam = d end
    end
    assert(spam, 'no spam diagnostic on ' .. page)
    assert(#vim.diagnostic.get(bufnr) == #diags, 'vim.diagnostic has ' .. #vim.diagnostic.get(bufnr) .. ' entries')
  end)
  if not ok_diag then return end

  check('hover on the spam finding names its rule', function()
    local hv = client.request_sync('textDocument/hover', { textDocument = td, position = spam.range.start }, 10000, bufnr)
    assert(hv and not hv.err and hv.result, 'hover failed: ' .. vim.inspect(hv))
    local c = hv.result.contents
    result.hover = type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c)
    assert(result.hover:find(spam.code, 1, true), 'hover lacks ' .. spam.code .. ': ' .. result.hover)
    assert(result.hover:find('removes', 1, true), 'hover does not say what the fix does: ' .. result.hover)
  end)

  check('document symbols: headline, a spam part, boilerplate parts', function()
    local ds = client.request_sync('textDocument/documentSymbol', { textDocument = td }, 10000, bufnr)
    assert(ds and not ds.err and ds.result, 'documentSymbol failed: ' .. vim.inspect(ds))
    result.symbols = vim.tbl_map(function(s) return s.name end, ds.result)
    local joined = table.concat(result.symbols, '\n')
    assert(joined:find('Headline: ', 1, true), 'no headline: ' .. joined)
    assert(joined:find('Spam: ', 1, true), 'no spam part: ' .. joined)
    assert(joined:find('Boilerplate: ', 1, true), 'no boilerplate part: ' .. joined)
  end)

  check('quick fix removes the spam line; its diagnostic goes away', function()
    local before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local spam_line = before[spam.range.start.line + 1]
    local ca = client.request_sync('textDocument/codeAction', {
      textDocument = td, range = spam.range, context = { diagnostics = { spam }, only = { 'quickfix' } },
    }, 10000, bufnr)
    assert(ca and not ca.err and ca.result and #ca.result > 0, 'codeAction failed: ' .. vim.inspect(ca))
    local action
    for _, a in ipairs(ca.result) do if a.isPreferred then action = a break end end
    assert(action and action.edit, 'no preferred quick fix with an edit: ' .. vim.inspect(ca.result))
    result.code_actions = vim.tbl_map(function(a) return a.title end, ca.result)
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
    local after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    assert(#after == #before - 1, ('%d lines before, %d after'):format(#before, #after))
    for _, l in ipairs(after) do assert(l ~= spam_line, 'the spam line is still there') end
    local n_before = expected_counts[spam.code]
    assert(vim.wait(20000, function()
      return diags ~= nil and (counts(diags, 'code')[spam.code] or 0) == n_before - 1
    end, 50), 'the spam diagnostic was not cleared after the fix: ' .. vim.inspect(counts(diags or {}, 'code')))
  end)

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then failed = failed + 1; print('not ok - nvim: ' .. tostring(err)) end
result.passed, result.failed, result.seconds = passed, failed, elapsed()
result.ok = ok and failed == 0
local f = io.open(out_path, 'w')
if f then f:write(vim.fn.json_encode(result)); f:close() end
print(('nvim %s: %d passed, %d failed (%.1f s)'):format(result.nvim, passed, failed, result.seconds))
if result.ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
