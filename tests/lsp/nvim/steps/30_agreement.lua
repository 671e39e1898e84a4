-- An agreement: its lint finding with the clause it refers to, its outline, and formatting as `akkoord fmt`.
return function(t)
  local buffer = t.open('agreements/trimmed.akkoord')
  local diagnostics = t.wait_for_diagnostics(buffer, function(ds) return #ds > 0 end, 'the undefined party is reported')
  local d = diagnostics[1] or {}
  t.check(d.code == 'undefined-reference' and d.lnum == 41 and d.col == 14, '`aalsmer` at 42:15', d)
  local related = d.user_data and d.user_data.lsp.relatedInformation or {}
  t.check(#related == 1 and related[1].location.range.start.line == 15, 'the declaration is related information',
    related)

  local symbols = t.request(buffer, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params(buffer) }) or {}
  local names = vim.tbl_map(function(s) return s.name end, symbols)
  t.check(vim.tbl_contains(names, 'aalsmeer') and vim.tbl_contains(names, 'strategie'), 'the outline names declarations',
    names)

  local edits = t.request(buffer, 'textDocument/formatting',
    { textDocument = vim.lsp.util.make_text_document_params(buffer), options = { tabSize = 2, insertSpaces = true } })
  t.check(edits ~= nil and #edits > 0, 'formatting has edits', edits)
  if edits then vim.lsp.util.apply_text_edits(edits, buffer, t.client.offset_encoding) end
  local lines = vim.api.nvim_buf_get_lines(buffer, 15, 17, false)
  t.check(lines[1] == 'party aalsmeer "Gemeente Aalsmeer" {' and lines[2] == '  roles opdrachtgever',
    'the layout is canonical', lines)
  -- Formatted text gets the same finding, at the same place.
  t.wait_for_diagnostics(buffer, function(ds) return #ds == 1 and ds[1].lnum == 41 end, 'the finding stays')
end
