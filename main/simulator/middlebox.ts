// Something on the network between this computer and Arena that answers in Arena's place: a company web
// filter that inspects HTTPS and serves its own block page. Arena's workspace never sees the request.
import { encodeHTML } from 'entities';

export interface WebFilter {
  kind: 'web-filter';
  /** The product's name as its page shows it. */
  product: string;
  /** The policy category the filter files Arena's API host under. */
  category: string;
}

/** Only one kind so far; a captive portal or a single sign-on page would be another member. */
export type Middlebox = WebFilter;

/** A web page as the middlebox sends it. */
export interface PageReply {
  status: number;
  html: string;
}

/** The page a middlebox answers every request with; host is the address the request was for. */
export function middleboxReply(box: Middlebox, host: string): PageReply {
  const product = encodeHTML(box.product);
  // Block pages spell their title with entities, the way real ones are generated.
  return {
    status: 403,
    html: [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="utf-8">',
      `<title>Access denied &ndash; ${product}</title>`,
      '<style>body{font-family:sans-serif}.box{border:1px solid #c00}</style>',
      '<script>window.reportBlock && window.reportBlock();</script>',
      '</head><body><div class="box">',
      `<h1>This website is blocked</h1>`,
      `<p>Your organisation&#39;s policy does not allow access to <b>${encodeHTML(host)}</b>.</p>`,
      `<p>Category: ${encodeHTML(box.category)}. If you need this site for your work, ask your IT help desk to review it.</p>`,
      `<p><small>${product}</small></p>`,
      '</div></body></html>',
    ].join('\n'),
  };
}
