// The <title> of a web page that came back in Arena's place (a captive portal, a proxy's block page, a
// single sign-on page): often the quickest way to tell who answered. Pure and linear in the page's length:
// one forward scan with indexOf and sticky searches, no regular expression that can backtrack. The title
// is returned as decoded text, not yet made safe or redacted: response.ts does both, after this.
import { decodeHTML } from 'entities';

/** Everything that is not part of the title is skipped by these markers, never searched twice. */
const COMMENT = { open: '<!--', close: '-->' };
const CDATA = { open: '<![CDATA[', close: ']]>' };
/** Elements whose content is not markup: a "<title>" inside a script is not the page's title. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'xmp', 'noscript', 'template']);
const NAME_CHAR = /[A-Za-z0-9:-]/;
/** What may follow a tag's name: a space, the end of the tag, or a self-closing slash. */
const AFTER_NAME = /[\s/>]/;

/**
 * The page's first <title> as text: entities decoded, tags and comments inside it dropped, CDATA kept as
 * written. Null when the page has none, or its title is never closed (a page cut off mid-title).
 */
export function titleOf(html: string): string | null {
  let index = 0;
  for (;;) {
    const lt = html.indexOf('<', index);
    if (lt === -1) return null;
    const markup = markupAt(html, lt);
    if (markup === null) return null;
    if (markup.name === 'title' && !markup.closing) return titleContent(html, markup.end);
    index = markup.end;
  }
}

interface Markup {
  /** The lower-cased tag name; '' for a comment, CDATA, a declaration or a "<" that is only text. */
  name: string;
  closing: boolean;
  /** Where the text after this markup starts (a raw-text element's content is skipped). */
  end: number;
}

/** The markup starting at the "<" at lt; null when it runs to the end of the text without closing. */
function markupAt(html: string, lt: number): Markup | null {
  for (const { open, close } of [COMMENT, CDATA]) {
    if (html.startsWith(open, lt)) {
      const end = html.indexOf(close, lt + open.length);
      return end === -1 ? null : { name: '', closing: false, end: end + close.length };
    }
  }
  const closing = html.charAt(lt + 1) === '/';
  const nameStart = lt + (closing ? 2 : 1);
  if (!/[A-Za-z!?]/.test(html.charAt(nameStart))) return { name: '', closing: false, end: lt + 1 };
  let nameEnd = nameStart;
  while (nameEnd < html.length && NAME_CHAR.test(html.charAt(nameEnd))) nameEnd += 1;
  const gt = html.indexOf('>', nameEnd);
  if (gt === -1) return null;
  const name = AFTER_NAME.test(html.charAt(nameEnd)) ? html.slice(nameStart, nameEnd).toLowerCase() : '';
  if (closing || !RAW_TEXT_ELEMENTS.has(name)) return { name, closing, end: gt + 1 };
  const closer = new RegExp(`</${name}[\\s/>]`, 'gi');
  closer.lastIndex = gt + 1;
  const close = closer.exec(html);
  if (close === null) return null;
  const after = html.indexOf('>', close.index);
  return after === -1 ? null : { name, closing: false, end: after + 1 };
}

/** The text of a title from start up to its "</title>"; null when it never closes. */
function titleContent(html: string, start: number): string | null {
  const parts: string[] = [];
  let index = start;
  for (;;) {
    const lt = html.indexOf('<', index);
    if (lt === -1) return null;
    parts.push(decodeHTML(html.slice(index, lt)));
    if (html.startsWith(CDATA.open, lt)) {
      const end = html.indexOf(CDATA.close, lt + CDATA.open.length);
      if (end === -1) return null;
      parts.push(html.slice(lt + CDATA.open.length, end));
      index = end + CDATA.close.length;
      continue;
    }
    const markup = markupAt(html, lt);
    if (markup === null) return null;
    if (markup.name === 'title' && markup.closing) return parts.join('');
    // A "<" that is only text stays; a tag or a comment inside the title is dropped.
    if (markup.name === '' && markup.end === lt + 1) parts.push('<');
    index = markup.end;
  }
}
