// @ts-check
/*
 * The reader's theme: the system's (the default), light or dark, remembered in localStorage.
 *
 * Loaded as a classic, blocking <script src> in <head>, before any of <body> is parsed: it
 * sets <html data-theme> before the first paint, so a page never flashes the system's theme
 * before the one chosen. (A module script, as Astro bundles, runs after parsing: too late.)
 * Under the Content-Security-Policy it cannot be inline; it is plain JavaScript so that it
 * can be served as it is written, and small. Once the page is parsed it wires the toggle
 * button (hidden without JavaScript, where the system's theme is all there is).
 */
(() => {
  const KEY = 'sheaf-theme';
  const CHOICES = ['system', 'light', 'dark'];
  const root = document.documentElement;

  /** @returns {string} */
  function stored() {
    try {
      const value = localStorage.getItem(KEY);
      return value && CHOICES.includes(value) ? value : 'system';
    } catch {
      return 'system'; // storage refused (a private window, a policy): follow the system
    }
  }

  /** @param {string} choice */
  function apply(choice) {
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
  }

  apply(stored());

  document.addEventListener('DOMContentLoaded', () => {
    const button = document.querySelector('button.theme-toggle');
    if (!(button instanceof HTMLButtonElement)) return;
    const show = (/** @type {string} */ choice) => {
      button.textContent = `Theme: ${choice}`;
      button.dataset.choice = choice;
    };
    show(stored());
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = CHOICES[(CHOICES.indexOf(button.dataset.choice ?? 'system') + 1) % CHOICES.length] ?? 'system';
      try {
        if (next === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // not remembered, but still applied to this page
      }
      apply(next);
      show(next);
    });
  });
})();
