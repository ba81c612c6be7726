/**
 * Test support: the files a series of patches changes, as they must be before it applies.
 * Each file's pre-image is made from the first diff that touches it: its hunks' old lines
 * (context and removed) at their line numbers, every other line a filler; a new file has none.
 * A later patch finds what an earlier one left, so this serves series that change each file
 * once (or only add files), which is enough to `git am` a real series in a scratch repository.
 */

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** The pre-image of every file the patches in `text` (an mbox, or patches one after another) change, by path. */
export function preImages(text: string): Map<string, string> {
  const files = new Map<string, string>();
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const header = /^diff --git a\/(\S+) b\//.exec(lines[at]!);
    if (!header || seen.has(header[1]!)) continue;
    const path = header[1]!;
    seen.add(path);
    const old: string[] = [];
    let endsWithNewline = true;
    let isNew = false;
    for (at++; at < lines.length && !lines[at]!.startsWith('diff --git '); at++) {
      const line = lines[at]!;
      if (line.startsWith('new file mode')) isNew = true;
      const hunk = HUNK.exec(line);
      if (!hunk) continue;
      // `\ No newline at end of file` after a context or removed line: the old file ends there without one.
      const noNewlineAfter = (line: string) => {
        if (!line.startsWith('+')) endsWithNewline = false;
      };
      let [oldLeft, newLeft] = [Number(hunk[2] ?? 1), Number(hunk[3] ?? 1)];
      for (let index = Number(hunk[1]) - 1; oldLeft > 0 || newLeft > 0; ) {
        const body = lines[++at] ?? '';
        if (body.startsWith('\\')) {
          noNewlineAfter(lines[at - 1]!);
          continue;
        }
        if (body.startsWith('+')) newLeft--;
        else {
          while (old.length < index) old.push(`filler line ${old.length + 1}`);
          old[index++] = body.slice(1);
          oldLeft--;
          if (!body.startsWith('-')) newLeft--;
        }
      }
      if (lines[at + 1]?.startsWith('\\')) noNewlineAfter(lines[at]!);
    }
    at--;
    if (!isNew) files.set(path, old.join('\n') + (endsWithNewline && old.length > 0 ? '\n' : ''));
  }
  return files;
}
