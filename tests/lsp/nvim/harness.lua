-- The real client: Neovim's built-in LSP client (Neovim 0.7, Debian's `neovim`) drives `akkoord lsp` the way an
-- editor does. run.sh starts `nvim --headless -u NONE` with this file; it copies the fixture repository to a
-- temporary folder, starts the server, then runs every file in steps/ in name order. Each step is a Lua file
-- returning `function(t)`, where `t` is the table below (open files, wait for diagnostics, send requests, check).
-- A new feature adds a file there (e.g. steps/30_hover.lua); nothing here needs to change.
-- Every check is written to the result file ($AKKOORD_RESULT); Neovim exits with code 1 when one failed.

local env = vim.env
local result_lines = {}
local failures = 0

local function record(line)
  table.insert(result_lines, line)
  local f = io.open(env.AKKOORD_RESULT, 'w')
  f:write(table.concat(result_lines, '\n') .. '\n')
  f:close()
end

local t = {}

function t.check(ok, what, detail)
  if ok then
    record('ok   ' .. what)
  else
    failures = failures + 1
    record('FAIL ' .. what .. (detail and (': ' .. vim.inspect(detail)) or ''))
  end
  return ok
end

-- What this build cannot check yet, said in the result (run.sh prints it), never passed over in silence.
function t.skip(what)
  record('SKIP ' .. what)
end

-- The fixture repository in a temporary folder, with the reference agreement as rules/aa.akkoord.
t.root = vim.fn.tempname()
vim.fn.mkdir(t.root .. '/rules', 'p')
vim.fn.system({ 'cp', '-R', env.AKKOORD_FIXTURE .. '/.', t.root })
vim.fn.system({ 'cp', env.AKKOORD_SOURCE .. '/rules/aa.akkoord', t.root .. '/rules/aa.akkoord' })

t.client_id = vim.lsp.start_client({
  name = 'akkoord',
  cmd = { env.AKKOORD_BINARY, 'lsp' },
  root_dir = t.root,
  cmd_cwd = t.root,
  -- 0: no debounce, so the test waits only for the server's work.
  init_options = { debounceMs = 0 },
  cmd_env = { XDG_CACHE_HOME = t.root .. '/cache' },
})
t.check(t.client_id ~= nil, 'the server starts')
t.client = vim.lsp.get_client_by_id(t.client_id)

-- Opens a file of the repository in a buffer of its own and attaches the server; returns the buffer.
function t.open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(t.root .. '/' .. relative))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, t.client_id)
  return buffer
end

-- Waits until `predicate(diagnostics of buffer)` holds (at most 60 s); returns the diagnostics.
function t.wait_for_diagnostics(buffer, predicate, what)
  local diagnostics = {}
  local ok = vim.wait(60000, function()
    diagnostics = vim.diagnostic.get(buffer)
    return predicate(diagnostics)
  end, 20)
  t.check(ok, 'diagnostics: ' .. what, diagnostics)
  return diagnostics
end

-- A request on a buffer, answered synchronously (at most 60 s: CI machines can be busy); returns the result.
function t.request(buffer, method, params)
  local responses = vim.lsp.buf_request_sync(buffer, method, params, 60000)
  local response = responses and responses[t.client_id]
  if not t.check(response ~= nil and response.err == nil, 'request ' .. method, response) then return nil end
  return response.result
end

function t.position(buffer, line, character)
  return { textDocument = vim.lsp.util.make_text_document_params(buffer), position = { line = line, character = character } }
end

local steps = vim.fn.sort(vim.fn.glob(env.AKKOORD_HARNESS .. '/steps/*.lua', false, true))
for _, step in ipairs(steps) do
  record('# ' .. vim.fn.fnamemodify(step, ':t'))
  local ok, problem = pcall(function() dofile(step)(t) end)
  t.check(ok, 'step ran to its end', problem)
end

vim.lsp.stop_client(t.client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(t.client_id) == nil end, 20)
vim.fn.delete(t.root, 'rf')
record(failures == 0 and 'PASSED' or ('FAILED: ' .. failures))
vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
