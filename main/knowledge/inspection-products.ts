// Products that inspect HTTPS by presenting certificates of their own, named as their certificates name
// them (issuer organisation or common name). Data only: main/diagnosis/facts.ts matches a certificate's
// issuer against these words, whole words, ignoring case. Public certificate authorities are not here
// (Cloudflare, DigiCert and the like issue Arena-grade certificates): a match must mean inspection.

export interface InspectionProduct {
  /** How the admin knows it, e.g. "Zscaler". */
  name: string;
  /** Where it runs: a service of the network (a proxy, a cloud gateway) or software on this computer. */
  runsOn: 'network' | 'this-computer';
  /** Words its certificates' issuer names contain (lower case, matched as whole words). */
  issuerWords: readonly string[];
}

export const INSPECTION_PRODUCTS: readonly InspectionProduct[] = [
  { name: 'Zscaler', runsOn: 'network', issuerWords: ['zscaler'] },
  { name: 'Netskope', runsOn: 'network', issuerWords: ['netskope'] },
  { name: 'Palo Alto Networks', runsOn: 'network', issuerWords: ['palo alto networks', 'paloaltonetworks', 'pan-os'] },
  { name: 'Fortinet', runsOn: 'network', issuerWords: ['fortinet', 'fortigate'] },
  { name: 'Blue Coat (Symantec)', runsOn: 'network', issuerWords: ['blue coat', 'bluecoat', 'proxysg', 'symantec web security'] },
  { name: 'Cisco Umbrella', runsOn: 'network', issuerWords: ['cisco umbrella', 'opendns'] },
  { name: 'Forcepoint', runsOn: 'network', issuerWords: ['forcepoint', 'websense'] },
  { name: 'Sophos', runsOn: 'network', issuerWords: ['sophos'] },
  { name: 'Check Point', runsOn: 'network', issuerWords: ['check point', 'checkpoint'] },
  { name: 'Skyhigh Security (McAfee Web Gateway)', runsOn: 'network', issuerWords: ['skyhigh', 'mcafee web gateway'] },
  { name: 'Barracuda', runsOn: 'network', issuerWords: ['barracuda'] },
  { name: 'SonicWall', runsOn: 'network', issuerWords: ['sonicwall'] },
  { name: 'WatchGuard', runsOn: 'network', issuerWords: ['watchguard'] },
  { name: 'iboss', runsOn: 'network', issuerWords: ['iboss'] },
  { name: 'Kaspersky', runsOn: 'this-computer', issuerWords: ['kaspersky'] },
  { name: 'ESET', runsOn: 'this-computer', issuerWords: ['eset ssl filter', 'eset'] },
  { name: 'Avast', runsOn: 'this-computer', issuerWords: ['avast'] },
  { name: 'AVG', runsOn: 'this-computer', issuerWords: ['avg technologies', 'avg web'] },
  { name: 'Bitdefender', runsOn: 'this-computer', issuerWords: ['bitdefender'] },
];
