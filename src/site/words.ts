/** Counts and names as a page writes them. */

/** `1 reply`, `3 replies`, `0 replies`. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `2/3 patches`, `1/1 patch`: patches of a series in the archive, of its total. */
export function patchCount(present: number, total: number): string {
  return `${present}/${total} ${total === 1 ? 'patch' : 'patches'}`;
}

/**
 * A series by its title and version: `leds: demo v2`, but `Multicolor Framework v25` when the
 * title already names its version (authors often write it into the cover letter's subject).
 */
export function seriesName(title: string, version: number): string {
  return new RegExp(`(^|[^\\w.])v${version}$`, 'i').test(title.trim()) ? title : `${title} v${version}`;
}

/** Whether `seriesName` adds the version: the title does not already end with it. */
export function namesVersion(title: string, version: number): boolean {
  return seriesName(title, version) === title;
}
