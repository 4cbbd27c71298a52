// @ts-check
// Shared helpers for the benchmarks: timing, medians, interleaved A/B runs and the report table.
// Every figure is a ratio against a baseline measured in the same run, so a loaded machine moves both.

export const now = () => performance.now();

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/**
 * Runs a and b `rounds` times each, interleaved A B B A A B … so drift and order effects hit both
 * equally. Returns the per-run times (ms) of each.
 */
export async function interleave(rounds, a, b) {
  const times = { a: [], b: [] };
  const timed = async (name, fn) => {
    const started = now();
    await fn();
    times[name].push(now() - started);
  };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      await timed('a', a);
      await timed('b', b);
    } else {
      await timed('b', b);
      await timed('a', a);
    }
  }
  return times;
}

export function ms(value) {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function us(value) {
  return `${(value * 1000).toFixed(2)} µs`;
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * One row of the report. `met` is true, false, or null for an informational row (no target).
 * @typedef {{ figure: string, value: string, baseline: string, ratio: string, target: string, met: boolean | null, note?: string }} Row
 */
export function row(figure, value, baseline, ratio, target, met, note) {
  return { figure, value, baseline, ratio, target, met, ...(note ? { note } : {}) };
}

export function ratio(value) {
  return `${value.toFixed(2)}×`;
}

export function printTable(rows, out = process.stdout) {
  const headers = ['figure', 'value', 'baseline', 'ratio', 'target', 'verdict'];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.target, r.met === null ? 'info' : r.met ? 'met' : 'MISSED']);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((line) => [...(line[column] ?? '')].length)));
  /** @param {string[]} line */
  const format = (line) =>
    line
      .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd();
  out.write(`${format(headers)}\n${format(widths.map((width) => '-'.repeat(width)))}\n`);
  for (const line of cells) out.write(`${format(line)}\n`);
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) {
    out.write('\n');
    for (const r of notes) out.write(`* ${r.figure}: ${r.note}\n`);
  }
}

export function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}
