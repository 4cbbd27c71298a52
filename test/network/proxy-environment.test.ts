// The command line's proxy from the environment (main/network/proxy.ts, the one home of proxy choice).
import { describe, expect, it } from 'vitest';
import { normaliseProxyUrl, proxyFromEnvironment } from '../../main/network/proxy.js';

const ARENA = 'https://api.arenasolutions.com/v1';

describe('proxyFromEnvironment', () => {
  it('reads HTTPS_PROXY, else https_proxy, and never HTTP_PROXY', () => {
    expect(proxyFromEnvironment(ARENA, { HTTPS_PROXY: 'http://proxy:8080' })).toEqual({
      kind: 'proxy',
      variable: 'HTTPS_PROXY',
      value: 'http://proxy:8080',
    });
    expect(proxyFromEnvironment(ARENA, { https_proxy: 'http://p:1' })).toEqual({
      kind: 'proxy',
      variable: 'https_proxy',
      value: 'http://p:1',
    });
    // Direct because nothing is set: the report says so.
    const nothing = { kind: 'direct', because: 'default' };
    expect(proxyFromEnvironment(ARENA, { HTTP_PROXY: 'http://p:1', http_proxy: 'http://p:1' })).toEqual(nothing);
    expect(proxyFromEnvironment(ARENA, { HTTPS_PROXY: '  ' })).toEqual(nothing);
  });

  it.each([
    ['*'],
    ['arenasolutions.com'],
    ['.arenasolutions.com'],
    ['*.arenasolutions.com'],
    ['intranet.example, API.arenasolutions.com:443'],
  ])('leaves the host out when NO_PROXY is %s', (noProxy) => {
    const bypassed = { kind: 'direct', because: 'no-proxy' };
    expect(proxyFromEnvironment(ARENA, { HTTPS_PROXY: 'http://proxy:8080', NO_PROXY: noProxy })).toEqual(bypassed);
    expect(proxyFromEnvironment(ARENA, { HTTPS_PROXY: 'http://proxy:8080', no_proxy: noProxy })).toEqual(bypassed);
  });

  it('keeps the proxy when NO_PROXY names another host or only a look-alike', () => {
    for (const noProxy of ['intranet.example', 'solutions.com.evil', 'notarenasolutions.com']) {
      expect(proxyFromEnvironment(ARENA, { HTTPS_PROXY: 'http://proxy:8080', NO_PROXY: noProxy }), noProxy).toMatchObject({
        kind: 'proxy',
      });
    }
  });

  it('never sends loopback addresses (the simulator) through a proxy', () => {
    for (const apiUrl of ['http://127.0.0.1:4000/v1', 'http://localhost:4000/v1', 'http://[::1]:4000/v1', 'http://LOCALHOST:1/v1']) {
      expect(proxyFromEnvironment(apiUrl, { HTTPS_PROXY: 'http://proxy:8080' }), apiUrl).toEqual({ kind: 'direct', because: 'loopback' });
    }
  });

  it('normalises a proxy address to scheme, host and port', () => {
    expect(normaliseProxyUrl(' http://proxy.company.com:8080/some/path ')).toBe('http://proxy.company.com:8080');
  });
});
