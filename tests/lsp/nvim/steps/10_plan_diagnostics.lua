-- A plan with a misspelt task: the finding arrives as the editor shows it, and goes when the typo is fixed.
return function(t)
  local buffer = t.open('plans/aalsmeer-2025.toml')
  local diagnostics = t.wait_for_diagnostics(buffer, function(ds) return #ds > 0 end, 'the misspelt task is reported')
  t.check(#diagnostics == 1, 'one finding', diagnostics)
  local d = diagnostics[1] or {}
  t.check(d.code == 'unknown-reference', 'its code is the check id', d.code)
  -- Neovim turned the server's UTF-16 range into byte columns: `"deelneming"` at 140:8.
  t.check(d.lnum == 139 and d.col == 7 and d.end_lnum == 139 and d.end_col == 19, 'its range is the task value', d)
  t.check(d.severity == vim.diagnostic.severity.ERROR and d.source == 'akkoord', 'an error from akkoord', d)
  t.check(d.message and d.message:find('did you mean `deelnemingen`?', 1, true) ~= nil, 'the message gives the fix',
    d.message)
  local lsp = d.user_data and d.user_data.lsp or {}
  local href = lsp.codeDescription and lsp.codeDescription.href or ''
  t.check(href:match('^file://') ~= nil and vim.fn.filereadable(vim.uri_to_fname(href)) == 1,
    'the documentation link opens the check\'s page', href)
  t.plan_buffer = buffer
end
