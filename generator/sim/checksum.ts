// The stimulus checksum that testbenches print and the runner compares with its own: 32-bit
// FNV-1a over the 32-bit chunks of each word, least significant chunk first. The Verilog
// side is the function in templates/partials/tb_checksum.v.hbs.

export const CHECKSUM_OFFSET = 0x811c9dc5;
const CHECKSUM_PRIME = 16777619;

/** Adds one 32-bit chunk to a checksum. */
export function checksumChunk(sum: number, chunk: number): number {
  return Math.imul((sum ^ chunk) >>> 0, CHECKSUM_PRIME) >>> 0;
}

/** Adds one `width`-bit word to a checksum, chunk by chunk. */
export function checksumWord(sum: number, word: bigint, width: number): number {
  let result = sum;
  for (let low = 0; low < width; low += 32) {
    result = checksumChunk(result, Number((word >> BigInt(low)) & 0xffffffffn));
  }
  return result;
}

export function checksumWords(words: readonly bigint[], width: number): number {
  return words.reduce((sum, word) => checksumWord(sum, word, width), CHECKSUM_OFFSET);
}

/** Verilog statements that add `word` (a `width`-bit expression) to the 32-bit reg `sum`. */
export function checksumStatements(sum: string, word: string, width: number): string[] {
  const statements: string[] = [];
  for (let low = 0; low < width; low += 32) {
    const high = Math.min(low + 31, width - 1);
    const select = high === low && width === 1 ? word : `${word}[${high}:${low}]`;
    const pad = 31 - (high - low);
    const chunk = pad === 0 ? select : `{${pad}'d0, ${select}}`;
    statements.push(`${sum} = checksum_step(${sum}, ${chunk});`);
  }
  return statements;
}
