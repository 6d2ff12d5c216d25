/** Small terminal charts: horizontal bars and sparklines, in block characters (plain ASCII on request). */

const SPARKS = "▁▂▃▄▅▆▇█";
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

export interface BarRow {
  label: string;
  value: number | null;
  /** What to print after the bar; the value when absent. */
  text?: string;
}

/**
 * One line per row: label, a bar scaled to the largest value over `width` columns, then the value.
 * Null values print an empty bar and "-". Eighth-block resolution unless `ascii`.
 */
export function barChart(rows: readonly BarRow[], width: number, ascii = false): string[] {
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  return rows.map((r) => {
    const bar = max > 0 && r.value !== null ? drawBar((r.value / max) * width, ascii) : "";
    const text = r.text ?? (r.value === null ? "-" : String(r.value));
    return `${r.label.padStart(labelWidth)} ${bar.padEnd(width)} ${text}`.trimEnd();
  });
}

function drawBar(cells: number, ascii: boolean): string {
  if (ascii) return "#".repeat(Math.round(cells));
  const full = Math.floor(cells);
  const rest = Math.round((cells - full) * 8);
  const bar = "█".repeat(full) + (rest === 8 ? "█" : (EIGHTHS[rest] ?? ""));
  // a non-zero value always shows something
  return bar === "" && cells > 0 ? "▏" : bar;
}

/** A one-line sparkline: each value as one of eight block heights (null as a space). */
export function sparkline(values: readonly (number | null)[], ascii = false): string {
  const present = values.filter((v): v is number => v !== null);
  const max = Math.max(0, ...present);
  const min = Math.min(0, ...present);
  const levels = ascii ? " .:-=+*#" : SPARKS;
  return values
    .map((v) => {
      if (v === null) return " ";
      if (max === min) return levels[0];
      const i = Math.round(((v - min) / (max - min)) * (levels.length - 1));
      return levels[i];
    })
    .join("");
}
