// Small helpers that turn numbers and lists into Verilog text. Every literal they produce is
// sized, as the generated-RTL rules require.

/** Joins `terms` with `operator`, wrapping lines before `maxColumn`; continuation lines start at `indent`. */
export function wrapTerms(terms: readonly string[], operator: string, firstColumn: number, indent: number, maxColumn = 100): string {
  let text = '';
  let column = firstColumn;
  terms.forEach((term, i) => {
    const piece = i === 0 ? term : ` ${operator} ${term}`;
    if (i > 0 && column + piece.length > maxColumn) {
      const wrapped = `${operator} ${term}`;
      text += `\n${' '.repeat(indent)}${wrapped}`;
      column = indent + wrapped.length;
    } else {
      text += piece;
      column += piece.length;
    }
  });
  return text;
}

/** Returns the sized hex literal of a bit set, such as 8'h0d for bits 0, 2 and 3 of 8. */
export function maskLiteral(bits: readonly number[], width: number): string {
  const digits = new Uint8Array(Math.ceil(width / 4));
  for (const bit of bits) digits[digits.length - 1 - (bit >> 2)]! |= 1 << (bit & 3);
  return `${width}'h${Array.from(digits, (digit) => digit.toString(16)).join('')}`;
}

/**
 * Aligns rows of cells into columns separated by one space; a trailing `//` comment cell is
 * set off by two spaces.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => {
    let line = '';
    row.forEach((cell, i) => {
      const separator = i === 0 ? '' : cell.startsWith('//') ? '  ' : ' ';
      line += separator + (i === row.length - 1 ? cell : cell.padEnd(widths[i]!));
    });
    return line.trimEnd();
  });
}
