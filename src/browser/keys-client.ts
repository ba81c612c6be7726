/** The page's keyboard (keys.ts): follows the links and walks the lists the page marks, opens the help. */
import { KEYS, isTyping } from './keys.ts';

const known = new Set(KEYS.map(({ key }) => key));

/** Moves focus to the next (`step` 1) or previous (-1) item of the list the key walks; false when there is none. */
function walk(key: string, step: 1 | -1): boolean {
  const list = document.querySelector(`[data-key-items~="${CSS.escape(key)}"]`);
  if (!list) return false;
  const items = [...list.querySelectorAll<HTMLElement>('[data-key-item]')];
  if (items.length === 0) return false;
  const at = items.findIndex((item) => item === document.activeElement || item.contains(document.activeElement));
  const next = items[at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step))]!;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
  return true;
}

function help(): HTMLDialogElement | null {
  return document.querySelector<HTMLDialogElement>('dialog.keys-help');
}

function act(key: string): boolean {
  if (key === '?') {
    const dialog = help();
    if (!dialog) return false;
    if (dialog.open) dialog.close();
    else dialog.showModal();
    return true;
  }
  if (key === '/') {
    const box = document.querySelector<HTMLInputElement>('form.search input[name="q"]');
    box?.focus();
    return box !== null;
  }
  const link = document.querySelector<HTMLAnchorElement>(`a[data-key="${CSS.escape(key)}"]`);
  if (link) {
    location.assign(link.href);
    return true;
  }
  const list = document.querySelector(`[data-key-items~="${CSS.escape(key)}"]`);
  const pair = list?.getAttribute('data-key-items')?.split(' ') ?? [];
  return walk(key, pair.indexOf(key) === 0 ? 1 : -1);
}

document.addEventListener('keydown', (event) => {
  if (!known.has(event.key) || isTyping(event.target, event)) return;
  if (act(event.key)) event.preventDefault();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button.keys-button')) {
  button.hidden = false;
  button.addEventListener('click', () => help()?.showModal());
}
for (const button of document.querySelectorAll<HTMLButtonElement>('dialog.keys-help button.close')) {
  button.addEventListener('click', () => help()?.close());
}
