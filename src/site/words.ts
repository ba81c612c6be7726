/** Counts as a page writes them. */

/** `1 reply`, `3 replies`, `0 replies`. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
