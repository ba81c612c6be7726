/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>` (src/layouts/):
 * scripts, styles, fonts, fetches and images from the site itself only (images also as
 * `data:` URLs), no plugins, no frames, no `<base>`, forms sent to the site only. Pages need
 * no more: Astro emits `<script type="module" src="/_astro/…">` and `<link rel=stylesheet>`
 * (`inlineStylesheets: 'never'`), and no element has a `style` attribute or an inline
 * handler. `frame-ancestors` cannot be set from a `<meta>`: see docs/security.md for the
 * header form.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The same, as an HTTP header for hosts that can send one: with what a meta element cannot say. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
