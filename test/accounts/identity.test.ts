// The one Arena account identity, and the one canonical spelling of an API address, as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountIdentity, accountsOf, canonicalApiUrl, canonicalEmail } from '../../main/accounts/identity.js';

const workspaceId = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/);
const domain = fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8}){1,2}$/);
const email = fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`);

/** How an admin might type the same email: case, surrounding spaces and tabs. */
const respelledEmail = (text: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }),
      fc.constantFrom('', ' ', '  ', '\t'),
      fc.constantFrom('', ' ', '\t '),
    )
    .map(
      ([upper, before, after]) =>
        `${before}${[...text].map((character, index) => (upper[index] ? character.toUpperCase() : character)).join('')}${after}`,
    );

describe('accountIdentity', () => {
  it('every spelling of an email, with any address, is one identity', () => {
    fc.assert(
      fc.property(
        workspaceId,
        email.chain((text) => fc.tuple(fc.constant(text), respelledEmail(text))),
        (id, [plain, respelled]) => {
          expect(accountIdentity({ workspaceId: id, email: respelled })).toBe(accountIdentity({ workspaceId: id, email: plain }));
          expect(canonicalEmail(respelled)).toBe(plain);
        },
      ),
    );
  });

  it('different workspaces or emails never collide', () => {
    fc.assert(
      fc.property(workspaceId, workspaceId, email, email, (firstId, secondId, first, second) => {
        const same = firstId === secondId && canonicalEmail(first) === canonicalEmail(second);
        expect(accountIdentity({ workspaceId: firstId, email: first }) === accountIdentity({ workspaceId: secondId, email: second })).toBe(
          same,
        );
      }),
    );
    // Characters that would join two fields in a naive key keep them apart here.
    expect(accountIdentity({ workspaceId: 1, email: '2@x.com' })).not.toBe(accountIdentity({ workspaceId: 12, email: '@x.com' }));
    expect(accountIdentity({ workspaceId: 1, email: 'a","b@x.com' })).not.toBe(
      accountIdentity({ workspaceId: 1, email: 'a\\",\\"b@x.com' }),
    );
  });

  it('a check names the integration user always and the Onshape user when given, as two accounts', () => {
    const both = accountsOf({ workspaceId: 7, integrationEmail: 'Int@Example.com', userEmail: ' dana@example.com ' });
    expect(both.map((entry) => entry.account)).toEqual(['integration', 'user']);
    expect(both[0]?.identity).not.toBe(both[1]?.identity);
    expect(accountsOf({ workspaceId: 7, integrationEmail: 'int@example.com', userEmail: '  ' })).toHaveLength(1);
  });
});

describe('canonicalApiUrl', () => {
  const host = fc.constantFrom('api.arenasolutions.com', 'api.europe.arenaplm.com', '127.0.0.1', 'example.com');
  const port = fc.option(
    fc.integer({ min: 1, max: 65535 }).filter((value) => value !== 443),
    { nil: null },
  );

  /** The spellings issue 9 reproduced, each of which the WHATWG parse reads as the same address. */
  const respell = (name: string, portText: string): fc.Arbitrary<string> =>
    fc.constantFrom(
      `https://${name}${portText}/v1`,
      `HTTPS://${name.toUpperCase()}${portText}/v1`,
      `https://${name}${portText || ':443'}/v1`,
      `https://${name}${portText}/./v1`,
      `https://${name}${portText}/x/../v1`,
      `https://${name}${portText}\\v1`,
      `https://${name}${portText}/v1/`,
      `https://${name}${portText}/v1//`,
      ` https://${name}${portText}/v1\t`,
      `https://${name.slice(0, 3)}\t${name.slice(3)}${portText}/v1`,
      `https://${name}${portText}/v1#fragment`,
    );

  it('maps every spelling of one address to one canonical address', () => {
    fc.assert(
      fc.property(host, port, (name, chosen) => {
        const portText = chosen === null ? '' : `:${chosen}`;
        const canonical = `https://${name}${portText}/v1`;
        fc.assert(
          fc.property(respell(name, portText), (spelling) => {
            expect(canonicalApiUrl(spelling), JSON.stringify(spelling)).toBe(canonical);
          }),
          { numRuns: 30 },
        );
      }),
      { numRuns: 20 },
    );
    expect(canonicalApiUrl('https://127.1/v1')).toBe('https://127.0.0.1/v1');
    expect(canonicalApiUrl('http://127.0.0.1:80/v1')).toBe('http://127.0.0.1/v1');
  });

  it('keeps different addresses apart, and text that is no URL stable', () => {
    expect(canonicalApiUrl('https://api.arenasolutions.com/v1')).not.toBe(canonicalApiUrl('https://api.arenasolutions.com:8443/v1'));
    expect(canonicalApiUrl('https://api.arenasolutions.com/v1')).not.toBe(canonicalApiUrl('https://api.europe.arenaplm.com/v1'));
    expect(canonicalApiUrl('  not a url/ ')).toBe('not a url');
  });
});
