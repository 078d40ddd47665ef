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

/** "2020-10-05" -> "October 5, 2020", the date style of Chicago citations. */
export function formatDateUs(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? "";
}

/** The first `max` words of a text, with an ellipsis when something was cut. */
export function firstWords(text: string, max: number): string {
  const words = text.trim().split(/\s+/u);
  return words.length > max ? `${words.slice(0, max).join(" ").replace(/[\s.,;:!?…-]+$/u, "")}…` : words.join(" ");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
