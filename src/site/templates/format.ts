const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2020-10-05" -> "5 October 2020"; done by hand so output never depends on the machine's locale or time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "Undated";
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
