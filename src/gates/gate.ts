/** What one gate found: how much it checked, and every failure with where it is. */
export interface GateResult {
  gate: string;
  /** e.g. "links checked", "pages validated", "pages audited", "words verified". */
  unit: string;
  count: number;
  failures: string[];
}

/** One line per gate for the CI log, then each failure indented under it. */
export function formatGate(r: GateResult): string {
  const head = `gate ${r.gate}: ${r.count.toLocaleString("en-US")} ${r.unit}, ${r.failures.length} failure${r.failures.length === 1 ? "" : "s"}`;
  return [head, ...r.failures.slice(0, 50).map((f) => `  ${f}`), ...(r.failures.length > 50 ? [`  ... and ${r.failures.length - 50} more`] : [])].join("\n");
}
