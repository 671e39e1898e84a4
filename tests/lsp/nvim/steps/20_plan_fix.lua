-- The finding's quick fix, as a user takes it: ask for the code actions on the line, apply the preferred one.
return function(t)
  local buffer = t.plan_buffer
  vim.api.nvim_set_current_buf(buffer)
  local params = vim.lsp.util.make_range_params()
  params.range = { start = { line = 139, character = 7 }, ['end'] = { line = 139, character = 19 } }
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buffer, 139) }
  local actions = t.request(buffer, 'textDocument/codeAction', params) or {}
  local fix = nil
  for _, action in ipairs(actions) do
    if action.kind == 'quickfix' and action.isPreferred then fix = action end
  end
  t.check(fix ~= nil and fix.edit ~= nil, 'a preferred quick fix is offered', actions)
  if fix then vim.lsp.util.apply_workspace_edit(fix.edit, t.client.offset_encoding) end
  t.check(vim.api.nvim_buf_get_lines(buffer, 139, 140, false)[1] == 'task = "deelnemingen"', 'the fix is applied',
    vim.api.nvim_buf_get_lines(buffer, 139, 140, false))
  t.wait_for_diagnostics(buffer, function(ds) return #ds == 0 end, 'the finding clears')
end
