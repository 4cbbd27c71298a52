// Naming the TLS-inspection product from the certificate the reach step read: data in
// main/knowledge/inspection-products.ts, matched as whole words, and the title that names it.
import { describe, expect, it } from 'vitest';
import type { PresentedCertificate } from '../../common/check-report.js';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { inspectionProductOf } from '../../main/diagnosis/facts.js';
import { placeholdersIn } from '../../main/diagnosis/fill-facts.js';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';
import { INSPECTION_PRODUCTS } from '../../main/knowledge/inspection-products.js';

const NOW = new Date('2026-12-01T12:00:00Z');

function issuedBy(organization: string | null, commonName: string | null): PresentedCertificate {
  const issuer = [commonName ? `CN=${commonName}` : null, organization ? `O=${organization}` : null].filter(Boolean).join(', ');
  return {
    subject: 'CN=api.arenasolutions.com',
    issuer,
    issuerOrganization: organization,
    issuerCommonName: commonName,
    validFrom: '2026-11-01T00:00:00.000Z',
    validTo: '2027-11-01T00:00:00.000Z',
    nameMatches: true,
    chainLength: 3,
  };
}

const failure = (code: string, certificate: PresentedCertificate | null) =>
  diagnose(
    { endpoint: 'reach', httpStatus: null, errorCode: code, message: null, budget: null, serverDate: null, certificate },
    { now: NOW },
  );

describe('the inspection product behind a certificate', () => {
  it.each([
    ['Zscaler Inc.', 'Zscaler Intermediate Root CA', 'Zscaler'],
    [null, 'Netskope Certificate Authority', 'Netskope'],
    ['Palo Alto Networks', 'Forward-Trust-CA', 'Palo Alto Networks'],
    ['Fortinet', 'FortiGate CA', 'Fortinet'],
    ['Blue Coat Systems', 'ProxySG', 'Blue Coat (Symantec)'],
    ['Check Point Software Technologies', 'Mgmt CA', 'Check Point'],
    ['Cisco', 'Cisco Umbrella Secondary SubCA', 'Cisco Umbrella'],
    ['Forcepoint LLC', 'Forcepoint Cloud CA', 'Forcepoint'],
    ['Sophos', 'Sophos SSL CA_C1234', 'Sophos'],
  ])('issuer O=%s CN=%s is %s', (organization, commonName, product) => {
    expect(inspectionProductOf(issuedBy(organization, commonName))?.name).toBe(product);
  });

  it('names no product for a public authority, or for a word merely inside another', () => {
    expect(inspectionProductOf(issuedBy("Let's Encrypt", 'R11'))).toBeNull();
    expect(inspectionProductOf(issuedBy('DigiCert Inc', 'DigiCert Global G2 TLS RSA SHA256 2020 CA1'))).toBeNull();
    expect(inspectionProductOf(issuedBy('Cloudflare, Inc.', 'Cloudflare Inc ECC CA-3'))).toBeNull();
    expect(inspectionProductOf(issuedBy('Nozscalerish Ltd', 'Hub CA'))).toBeNull();
  });

  it('keeps every product as data with words to match', () => {
    for (const product of INSPECTION_PRODUCTS) {
      expect(product.issuerWords.length).toBeGreaterThan(0);
      for (const word of product.issuerWords) expect(word).toBe(word.toLowerCase());
    }
  });
});

describe('the diagnosis that names it', () => {
  it('says "Your network\'s Zscaler service replaced Arena\'s certificate", with the issuer in plain words', () => {
    const diagnosis = failure('SELF_SIGNED_CERT_IN_CHAIN', issuedBy('Zscaler Inc.', 'Zscaler Intermediate Root CA'));
    expect(diagnosis.title).toBe("Your network's Zscaler service replaced Arena's certificate");
    expect(diagnosis.facts).toMatchObject({
      inspectionProduct: 'Zscaler',
      certificateIssuer: 'Zscaler Intermediate Root CA, of Zscaler Inc.',
    });
    expect(diagnosis.meaning).toContain('issued by Zscaler Intermediate Root CA, of Zscaler Inc.');
  });

  it('names security software on this computer as such', () => {
    const diagnosis = failure(
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      issuedBy('Kaspersky Lab ZAO', 'Kaspersky Anti-Virus Personal Root Certificate'),
    );
    expect(diagnosis.title).toBe("Kaspersky on this computer replaced Arena's certificate");
  });

  it('keeps the plain title and says the issuer is unknown when no certificate was read', () => {
    const diagnosis = failure('SELF_SIGNED_CERT_IN_CHAIN', null);
    expect(diagnosis.title).toBe("Something in the network replaced Arena's certificate");
    expect(diagnosis.meaning).toContain('a certificate authority this tool could not read');
    expect(failure('SELF_SIGNED_CERT_IN_CHAIN', issuedBy('Corp', 'Corp Root')).title).toBe(
      "Something in the network replaced Arena's certificate",
    );
  });

  it('every title variant quotes only the fact it is chosen by', () => {
    for (const entry of KNOWLEDGE_BASE) {
      for (const variant of entry.titleWhenKnown ?? []) {
        for (const placeholder of placeholdersIn(variant.title)) expect(placeholder.name, entry.id).toBe(variant.fact);
      }
    }
  });
});
