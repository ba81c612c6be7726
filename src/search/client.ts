/**
 * The search box: answers as you type from the static index under <base>/search/, keeps the
 * query in `?q=`, and is driven by keyboard (`/` focuses, through src/browser/keys.ts; arrows
 * move, Enter opens, Escape closes). Results are built with DOM calls only; no text from mail becomes markup.
 */
import { SearchEngine } from './engine.ts';
import { presentMatch, presentRow } from './present.ts';
import { isEmptyQuery, parseQuery } from './query.ts';

/** The site's base path (sheaf.config.ts `base`), with its trailing slash: the index and the results' site paths are under it. */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site path (`/m/<slug>/`) as a link under the base path. */
function under(path: string): string {
  return `${BASE}${path.slice(1)}`;
}

const engine = new SearchEngine(async (path) => {
  const response = await fetch(under(`/search/${path}`));
  if (!response.ok) throw new Error(`${response.status} for ${path}`);
  return response.json();
});

const TYPING_PAUSE_MS = 30;
/** Results shown this long without a newer keystroke get the details of their matching messages. */
const DETAIL_PAUSE_MS = 120;

interface MatchLine {
  line: HTMLAnchorElement;
  match: { count: number; first: number; latest: number };
}

/** Fills in each match line as it comes into view: who sent the matching messages, the latest's day, and the link to the first. */
function fillMatches(lines: MatchLine[], bySender: boolean, current: () => boolean): IntersectionObserver {
  const observer = new IntersectionObserver((entries) => {
    const visible = new Set(entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target));
    for (const target of visible) observer.unobserve(target);
    const batch = lines.filter(({ line }) => visible.has(line));
    if (batch.length === 0) return;
    if (!current()) return observer.disconnect();
    void engine.messageViews(batch.flatMap(({ match }) => [match.first, match.latest])).then((views) => {
      if (!current()) return;
      for (const { line, match } of batch) {
        const first = views.get(match.first);
        const latest = views.get(match.latest);
        if (!first || !latest) continue;
        line.textContent = presentMatch({ count: match.count, first, latest }, bySender);
        line.href = under(first.url);
        line.title = `The first matching message, ${first.day || 'undated'}`;
      }
    }, () => undefined);
  });
  for (const { line } of lines) observer.observe(line);
  return observer;
}

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
  /** Watches the match lines of the results shown, to fill them in as they come into view. */
  let watching: IntersectionObserver | undefined;

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a.result')];
  const highlight = (index: number) => {
    const all = links();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((link, i) => link.classList.toggle('active', i === active));
    all[active]?.scrollIntoView({ block: 'nearest' });
  };

  /**
   * Runs the query in the box. `go` opens the page of an `m:` query as soon as it is found: after
   * a paste (the page stays in the history, without its query, so Back returns to it rather than
   * to the message again), or for a `?q=` link (which the message replaces).
   */
  async function run(go: 'paste' | 'link' | false = false): Promise<void> {
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
    const notes: HTMLElement[] = [];
    let summary: HTMLElement;
    if (result.message !== undefined) {
      if (result.message === null) summary = element('p', 'search-empty', `No message <${query.messageId}> in this archive.`);
      else {
        summary = element('p', 'search-count', 'The message with this Message-ID:');
        const link = element('a', 'result result-message');
        link.href = under(result.message);
        link.append(element('span', 'result-title', `<${query.messageId}>`));
        const item = element('li', '');
        item.append(link);
        list.append(item);
      }
    } else {
      const bySender = query.messages.some((term) => term.prefix === 'f:');
      const matchLines: MatchLine[] = [];
      for (const { row, match } of result.rows) {
        const view = presentRow(row);
        const link = element('a', `result result-${view.kind}`);
        link.href = under(view.url);
        link.append(element('span', 'result-title', view.title || '(no subject)'));
        if (view.versions) link.append(element('span', 'result-versions', view.versions));
        const meta = element('span', 'result-meta', [view.author, view.date, view.size].filter(Boolean).join(' · '));
        link.append(meta);
        if (view.review) link.append(element('span', 'result-review', view.review));
        const item = element('li', '');
        item.append(link);
        if (view.reading) {
          const reading = element('a', 'result-reading', 'read whole');
          reading.href = under(view.reading);
          item.append(reading);
        }
        if (match) {
          // The first matching message, beside the row's series or thread: its link and who sent it come with its details.
          const line = element('a', 'result-match', `${match.count} matching message${match.count === 1 ? '' : 's'}`);
          item.append(line);
          matchLines.push({ line, match });
        }
        list.append(item);
      }
      const count = `${result.partial ? 'At least ' : ''}${result.total} result${result.total === 1 ? '' : 's'}`;
      summary = element(
        'p',
        result.total === 0 ? 'search-empty' : 'search-count',
        result.total === 0 ? 'No results.' : `${count}${result.total > result.rows.length ? `, the first ${result.rows.length} shown` : ''}${result.partial ? ' (newest first; older mail was not searched)' : ''}.`,
      );
      // Details of the matching messages are fetched once typing pauses, and only for the rows in view.
      if (matchLines.length > 0) {
        setTimeout(() => {
          if (ticket === latest) watching = fillMatches(matchLines, bySender, () => ticket === latest);
        }, DETAIL_PAUSE_MS);
      }
      if (result.joined.length > 0) notes.push(element('p', 'search-note', `Read as part of a name: ${result.joined.join(', ')}.`));
      if (result.fallback) notes.push(element('p', 'search-note', `No subject holds this; messages whose text holds it (${result.fallback}):`));
    }
    watching?.disconnect();
    panel.replaceChildren(summary, ...notes, list);
    panel.hidden = false;
    // Tells tests and the benchmark which query the shown results answer.
    panel.dataset.query = text;
    active = -1;
    if (go && typeof result.message === 'string') {
      if (go === 'link') location.replace(result.message);
      else {
        setQueryInUrl('');
        location.assign(under(result.message));
      }
    }
  }

  // Keystrokes closer together than this are one query: what a fast typist has already
  // overtyped is not fetched.
  let pending: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', (event) => {
    clearTimeout(pending);
    const pasted = (event as InputEvent).inputType === 'insertFromPaste';
    pending = setTimeout(() => void run(pasted ? 'paste' : false), TYPING_PAUSE_MS);
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
    void run('link');
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.search')) attach(form);
