// Which addresses the app hands to the system browser: Arena's and Onshape's help, and every data
// centre's web app (the fix steps' "open Arena" links), read from the data centre table.
import { describe, expect, it } from 'vitest';
import { DATA_CENTRES } from '../../main/arena/data-centres.js';
import { allowedExternalLink } from '../../main/service/external-links.js';

describe('allowed external links', () => {
  it.each(DATA_CENTRES.map((centre) => [centre.id, centre.webApp] as const))('open the %s web app (%s)', (_id, host) => {
    expect(allowedExternalLink(`https://${host}/settings`)).toBe(`https://${host}/settings`);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a look-alike host', 'https://app.bom.com.evil.example/'],
    ['plain http', 'http://app.bom.com/'],
    ['a port', 'https://app.bom.com:8443/'],
    ['a user name', 'https://admin@app.bom.com/'],
    ['not a URL', 'app.bom.com'],
  ])('refuse %s', (_label, url) => {
    expect(allowedExternalLink(url)).toBeNull();
  });
});
