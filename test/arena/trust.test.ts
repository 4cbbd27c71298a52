import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { canReadSystemStore, trustedAuthorities } from '../../main/arena/trust.js';
import { testCertificates } from '../support/certificates.js';

describe('trusted authorities', () => {
  it("leaves Node's defaults alone when nothing is added", () => {
    expect(trustedAuthorities({ systemStore: false })).toBeUndefined();
  });

  it("adds an extra CA to Node's roots instead of replacing them (Arena's public certificate must stay trusted)", () => {
    const extra = testCertificates().ca.cert;
    const list = trustedAuthorities({ systemStore: false, extraCa: extra });
    expect(list?.at(-1)).toBe(extra);
    for (const root of rootCertificates.slice(0, 5)) expect(list).toContain(root);
    expect(list?.length).toBeGreaterThanOrEqual(rootCertificates.length + 1);
  });

  it('reads the operating system store only where the runtime can', () => {
    const list = trustedAuthorities({ systemStore: true });
    if (canReadSystemStore()) {
      // Either the system store adds something to the defaults, or there is nothing to add.
      expect(list === undefined || list.length > rootCertificates.length).toBe(true);
    } else {
      expect(list).toBeUndefined();
    }
  });
});
