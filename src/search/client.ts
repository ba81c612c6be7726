/**
 * The search box: answers as you type from the static index under <base>/search/, keeps the
 * query in `?q=`, and is driven by keyboard (`/` focuses, arrows move, Enter opens,
 * Escape closes). Results are built with DOM calls only; no text from mail becomes markup.
 */
import { SearchEngine } from './engine.ts';
import { presentRow } from './present.ts';
import { isEmptyQuery, parseQuery } from './query.ts';

/** The site's base path (sheaf.config.ts `base`), with its trailing slash: the index and the results' site paths are under it. */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

const engine = new SearchEngine(async (path) => {
  const response = await fetch(`${BASE}search/${path}`);
  if (!response.ok) throw new Error(`${response.status} for ${path}`);
  return response.json();
});

const TYPING_PAUSE_MS = 30;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function setQueryInUrl(query: string): void {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(history.state, '', url);
}

function attach(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = document.querySelector<HTMLElement>(form.dataset.results ?? '#search-results')!;
  const limit = Number(panel.dataset.limit ?? 10);
  let active = -1;
  let latest = 0;

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a.result')];
  const highlight = (index: number) => {
    const all = links();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((link, i) => link.classList.toggle('active', i === active));
    all[active]?.scrollIntoView({ block: 'nearest' });
  };

  async function run(): Promise<void> {
    const text = input.value.trim();
    setQueryInUrl(text);
    const query = parseQuery(text);
    const ticket = ++latest;
    if (isEmptyQuery(query)) {
      panel.replaceChildren();
      panel.hidden = panel.dataset.keep === undefined;
      return;
    }
    let result;
    try {
      result = await engine.search(query, limit);
    } catch {
      if (ticket === latest) panel.replaceChildren(element('p', 'search-empty', 'The search index could not be loaded.'));
      return;
    }
    if (ticket !== latest) return; // a newer keystroke has answered already
    const list = element('ol', 'search-list');
    for (const row of result.rows) {
      const view = presentRow(row);
      const link = element('a', `result result-${view.kind}`);
      link.href = `${BASE}${view.url.slice(1)}`;
      link.append(element('span', 'result-title', view.title || '(no subject)'));
      if (view.versions) link.append(element('span', 'result-versions', view.versions));
      const meta = element('span', 'result-meta', [view.author, view.date, view.size].filter(Boolean).join(' · '));
      link.append(meta);
      if (view.review) link.append(element('span', 'result-review', view.review));
      const item = element('li', '');
      item.append(link);
      list.append(item);
    }
    const summary =
      result.total === 0 ? 'No results.' : `${result.total} result${result.total === 1 ? '' : 's'}${result.total > result.rows.length ? `, the first ${result.rows.length} shown` : ''}.`;
    panel.replaceChildren(element('p', result.total === 0 ? 'search-empty' : 'search-count', summary), list);
    panel.hidden = false;
    // Tells tests and the benchmark which query the shown results answer.
    panel.dataset.query = text;
    active = -1;
  }

  // Keystrokes closer together than this are one query: what a fast typist has already
  // overtyped is not fetched.
  let pending: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void run(), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    const target = links()[Math.max(active, 0)];
    if (target) {
      event.preventDefault();
      location.assign(target.href);
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      panel.hidden = panel.dataset.keep === undefined;
      input.blur();
    }
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  event.preventDefault();
  document.querySelector<HTMLInputElement>('form.search input[name="q"]')?.focus();
});

for (const form of document.querySelectorAll<HTMLFormElement>('form.search')) attach(form);
