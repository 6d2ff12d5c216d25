/** Compact age for table cells: "45s", "12m", "3h", "5d", "8w". Future times read "in 3h". */
export function shortAge(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  const seconds = Math.round((now.getTime() - t) / 1000);
  const abs = Math.abs(seconds);
  const units: [number, string][] = [
    [365 * 86400, "y"],
    [7 * 86400, "w"],
    [86400, "d"],
    [3600, "h"],
    [60, "m"],
  ];
  let text = `${abs}s`;
  for (const [size, unit] of units) {
    if (abs >= size) {
      text = `${Math.floor(abs / size)}${unit}`;
      break;
    }
  }
  return seconds < 0 ? `in ${text}` : text;
}
