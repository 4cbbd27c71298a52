// One Arena account identity for the whole app: the re-check guard, the keychain, the settings and the log
// all name an account and an API address through this module, so no two of them can disagree about
// whether two spellings are the same account.
//
// Arena counts failed sign-ins per account, and an account is a workspace and an email. The address a
// request went to is not part of it: the same account answers at an IP, a respelled host or another data
// centre's address, so an address must never make a rejected account look new.
import type { GuardedAccount } from '../../common/ipc/contract.js';

/** An account as Arena counts failures for it. Compare identities, never these fields' raw spellings. */
export interface ArenaAccount {
  workspaceId: number;
  email: string;
}

declare const identityBrand: unique symbol;
/** The canonical name of one Arena account; equal exactly when Arena would count the same account. */
export type AccountIdentity = string & { readonly [identityBrand]: true };

/** Emails are compared trimmed and case-folded: Arena treats Admin@Example.com and admin@example.com as one. */
export function canonicalEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export function accountIdentity(account: ArenaAccount): AccountIdentity {
  // A JSON tuple: no character in an email can make two different accounts spell the same identity.
  return JSON.stringify([account.workspaceId, canonicalEmail(account.email)]) as AccountIdentity;
}

/** The accounts one check signs in as: the integration user always, the Onshape user when one is named. */
export function accountsOf(details: {
  workspaceId: number;
  integrationEmail: string;
  userEmail: string | null;
}): { account: GuardedAccount; identity: AccountIdentity }[] {
  const accounts: { account: GuardedAccount; identity: AccountIdentity }[] = [
    { account: 'integration', identity: accountIdentity({ workspaceId: details.workspaceId, email: details.integrationEmail }) },
  ];
  const userEmail = details.userEmail?.trim();
  if (userEmail) accounts.push({ account: 'user', identity: accountIdentity({ workspaceId: details.workspaceId, email: userEmail }) });
  return accounts;
}

/**
 * The one spelling of an API address kept anywhere (keychain, settings, display): the WHATWG parse
 * lower-cases scheme and host, drops a default port, resolves dot segments and backslashes, removes tabs
 * and newlines, and reads 127.1 as 127.0.0.1; a trailing slash is dropped. Text that is no URL is kept
 * trimmed: it is still a stable name.
 */
export function canonicalApiUrl(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  let href: string;
  try {
    const url = new URL(trimmed);
    url.hash = '';
    href = url.href;
  } catch {
    href = trimmed;
  }
  return href.replace(/\/+$/, '');
}
