/**
 * Which shiki grammar highlights a file, by its name. Shiki 4 has no grammar for device tree
 * source or Kconfig: device tree is C-like (comments, strings, numbers, `#include`) and reads
 * well with the C grammar; Kconfig help text is prose with apostrophes that every nearby
 * grammar would take for strings running on over many lines, so it stays plain text.
 */

/** The language id for text that is not highlighted. */
export const PLAIN = 'text';

const BY_EXTENSION: Record<string, string> = {
  c: 'c', h: 'c', dts: 'c', dtsi: 'c', dtso: 'c', its: 'c',
  cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hh: 'cpp', hpp: 'cpp',
  s: 'asm', S: 'asm',
  rs: 'rust', py: 'python', pl: 'perl', pm: 'perl', awk: 'awk', go: 'go', lua: 'lua',
  sh: 'shellscript', bash: 'shellscript',
  mk: 'make', mak: 'make',
  yaml: 'yaml', yml: 'yaml', json: 'json', toml: 'toml', xml: 'xml', svg: 'xml',
  rst: 'rst', md: 'markdown', tex: 'latex',
  js: 'javascript', mjs: 'javascript', ts: 'typescript', css: 'css', html: 'html',
  cmake: 'cmake', bpf: 'c', bt: 'c',
};

const BY_NAME: Record<string, string> = {
  Makefile: 'make', Kbuild: 'make', GNUmakefile: 'make', 'CMakeLists.txt': 'cmake', Dockerfile: 'docker',
};

/** The shiki language for a file path, or `text`. */
export function languageFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (BY_NAME[name]) return BY_NAME[name];
  if (/^(?:Makefile|Kbuild)\./.test(name)) return 'make';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return PLAIN;
  const extension = name.slice(dot + 1);
  return BY_EXTENSION[extension] ?? BY_EXTENSION[extension.toLowerCase()] ?? PLAIN;
}

/**
 * A guess for a hunk quoted without its file header: C for code-looking lines (on kernel
 * lists that is by far the likeliest), YAML for `key: value` lines, else plain text.
 */
export function guessLanguage(lines: string[]): string {
  let c = 0;
  let yaml = 0;
  for (const line of lines) {
    if (/[;{}]\s*$|^\s*#\s*(?:include|define|if)|->|\/\*|^\s*\*/.test(line)) c++;
    else if (/^\s*(?:- )?[\w$-]+:(?:\s|$)/.test(line)) yaml++;
  }
  if (c === 0 && yaml === 0) return PLAIN;
  return c >= yaml ? 'c' : 'yaml';
}
