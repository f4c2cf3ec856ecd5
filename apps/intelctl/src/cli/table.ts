/** Renders rows as a left-aligned text table with a header line; cells are single-line. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const clean = rows.map((r) => headers.map((_, i) => oneLine(r[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...clean.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...clean.map(line)].join('\n');
}

/** A timestamp as operators read it: UTC to the second, `2025-11-28 09:14:03Z`. */
export function formatTimestamp(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '-';
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

// Labels and names come from operators: a newline or tab would break the columns.
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ');
}
