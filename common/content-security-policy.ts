// The renderer's Content-Security-Policy: only its own scripts and styles, nothing remote, no eval. One
// list for the header (main/app serves it with every renderer file) and for the <meta> the renderer
// build writes into index.html (vite.config.ts), so a page opened any other way is held to it too.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** What a <meta> may carry: browsers ignore frame-ancestors there (and warn), so only the header has it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors ')).join('; ');
