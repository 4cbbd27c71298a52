// The lookup order: exact endpoint + code, then 'any' + code, then 'unknown'.
import { ENDPOINT_PATHS, USERS_PRIVILEGE_ERROR_CODES } from '../../main/arena/request-shapes.js';
import { describe, expect, it } from 'vitest';
import { SYNC_ENDPOINTS, type Endpoint, type FormatFailureCode } from '../../common/check-report.js';
import { KNOWLEDGE_BASE, findEntry } from '../../main/knowledge/index.js';

const TRANSPORT: Record<string, string> = {
  ENOTFOUND: 'network.ENOTFOUND',
  EAI_AGAIN: 'network.EAI_AGAIN',
  ECONNREFUSED: 'network.ECONNREFUSED',
  ETIMEDOUT: 'network.ETIMEDOUT',
  ECONNRESET: 'network.ECONNRESET',
  EPIPE: 'network.ECONNRESET',
  ECONNABORTED: 'network.ECONNRESET',
  SELF_SIGNED_CERT_IN_CHAIN: 'network.SELF_SIGNED_CERT_IN_CHAIN',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'network.UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  UNABLE_TO_GET_ISSUER_CERT: 'network.UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'network.DEPTH_ZERO_SELF_SIGNED_CERT',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'network.UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  ERR_TLS_CERT_ALTNAME_INVALID: 'network.ERR_TLS_CERT_ALTNAME_INVALID',
  HOSTNAME_MISMATCH: 'network.ERR_TLS_CERT_ALTNAME_INVALID',
  CERT_HAS_EXPIRED: 'network.CERT_HAS_EXPIRED',
  CERT_NOT_YET_VALID: 'network.CERT_NOT_YET_VALID',
  EPROTO: 'network.EPROTO',
  ERR_SSL_WRONG_VERSION_NUMBER: 'network.EPROTO',
};

// A Record over the union: adding a FormatFailureCode without listing it here is a type error.
const FORMAT: Record<FormatFailureCode, true> = {
  HTML_RESPONSE: true,
  EMPTY_BODY: true,
  INVALID_JSON: true,
  WRONG_SHAPE: true,
  BODY_TOO_LARGE: true,
  UNEXPECTED_STATUS: true,
  PROXY_AUTH_REQUIRED: true,
  PROXY_REFUSED: true,
  REDIRECT: true,
  NO_SESSION_ID: true,
};

const ENDPOINTS: Endpoint[] = Object.values(ENDPOINT_PATHS).map((entry) => entry.endpoint);

describe('findEntry', () => {
  it('interprets a code by the endpoint that returned it', () => {
    expect(findEntry('POST /login', 4001).id).toBe('login.4001');
    // Outside login, 4001 is "Item lifecycle phase has been changed.": not the login meaning.
    expect(findEntry('POST /login/authorizeuser', 4001).id).toBe('unknown');
    expect(findEntry('POST /login', 4083).id).toBe('login.4083');
    expect(findEntry('POST /login/authorizeuser', 4083).id).toBe('authorize.4083');
  });

  it('prefers the exact endpoint over an any-endpoint entry for the same code', () => {
    expect(findEntry('PUT /logout', 401).id).toBe('logout.401');
    expect(findEntry('POST /login/authorizeuser', 401).id).toBe('api.401');
    expect(findEntry('POST /login', 503).id).toBe('login.503');
    expect(findEntry('PUT /logout', 503).id).toBe('api.503');
    // On the users list, access codes mean the account may not read users (INFERRED, see USERS_PRIVILEGE_ERROR_CODES).
    for (const code of [4082, 20001, 20002]) expect(findEntry('GET /settings/users', code).id).toBe('users.4082');
  });

  it.each([4082, 4084, 4085, 4087, 3000, 20002, 20010, 20011, 20012, 20013, 20014, 415])(
    'finds the any-endpoint entry api.%s on every endpoint',
    (code) => {
      const privilege = (USERS_PRIVILEGE_ERROR_CODES as readonly number[]).includes(code);
      for (const endpoint of ENDPOINTS)
        expect(findEntry(endpoint, code).id).toBe(privilege && endpoint === 'GET /settings/users' ? 'users.4082' : `api.${code}`);
    },
  );

  it.each(Object.entries(TRANSPORT))('maps transport code %s to %s', (code, id) => {
    for (const endpoint of ENDPOINTS) expect(findEntry(endpoint, code).id).toBe(id);
  });

  it.each(Object.keys(FORMAT))('maps format code %s to format.%s', (code) => {
    expect(findEntry('POST /login', code).id).toBe(`format.${code}`);
  });

  it('gives a code the meaning it has at its endpoint', () => {
    // 3024 reserving a number is about the integration user's licence; creating an item, about the Onshape user.
    expect(findEntry('POST /settings/items/numberreservations/onshape', 3024).id).toBe('reserve.3024');
    expect(findEntry('POST /items', 3024).id).toBe('create-item.3024');
    expect(findEntry('POST /items/{guid}/files', 3024).id).toBe('add-file.3024');
    expect(findEntry('DELETE /items/{guid}/files/{guid}', 3024).id).toBe('remove-file.3024');
    // 3001 on an item is a required attribute; on a file, its title.
    expect(findEntry('PUT /items', 3001).id).toBe('item.3001');
    expect(findEntry('POST /items/{guid}/files', 3001).id).toBe('add-file.3001');
    expect(findEntry('PUT /items/{guid}/bom/{guid}', 2014).id).toBe('bom.2014');
    expect(findEntry('POST /items', 2014).id).toBe('item.2014');
    // Codes only the sync tables list are not guessed at on the check's endpoints.
    expect(findEntry('POST /login', 3238).id).toBe('unknown');
  });

  it('treats a numeric string like the number Arena sent', () => {
    expect(findEntry('POST /login', '4089').id).toBe('login.4089');
    expect(findEntry('POST /login', ' 4089 ').id).toBe('login.4089');
  });

  it('falls back to unknown for null, unlisted and differently-cased codes', () => {
    expect(findEntry('POST /login', null).id).toBe('unknown');
    expect(findEntry('POST /login', 99999).id).toBe('unknown');
    expect(findEntry('POST /login', 'EHOSTDOWN_SOMETHING').id).toBe('unknown');
    // Node's codes are upper case; a lower-case one is not Node's and is not guessed at.
    expect(findEntry('POST /login', 'econnrefused').id).toBe('unknown');
  });

  it('reads an answer to the reach probe in the reach scope first, then as any endpoint would', () => {
    expect(findEntry('reach', 'BODY_TOO_LARGE').id).toBe('reach.BODY_TOO_LARGE');
    expect(findEntry('POST /login', 'BODY_TOO_LARGE').id).toBe('format.BODY_TOO_LARGE');
    expect(findEntry('reach', 'ECONNREFUSED').id).toBe('network.ECONNREFUSED');
    expect(findEntry('reach', 'HTML_RESPONSE').id).toBe('format.HTML_RESPONSE');
    expect(findEntry('reach', 503).id).toBe('api.503');
  });

  it('reaches every entry through the lookup', () => {
    const reached = new Set<string>();
    for (const entry of KNOWLEDGE_BASE) {
      for (const scope of [...ENDPOINTS, ...SYNC_ENDPOINTS, 'reach'] as const)
        for (const code of entry.match.codes) reached.add(findEntry(scope, code).id);
    }
    const unreachable = KNOWLEDGE_BASE.map((entry) => entry.id).filter((id) => id !== 'unknown' && !reached.has(id));
    expect(unreachable).toEqual([]);
  });
});
