// Tells the re-check guard whether the secret about to be sent is the one Arena refused, without keeping
// either: an HMAC under a random key made when the app starts and held in memory only. The mark is never
// persisted or logged, and is worthless after the app closes (so a restart needs the admin's confirmation).
import { createHmac, randomBytes } from 'node:crypto';

export type SecretMarker = (kind: string, secret: string) => string;

export function createSecretMarker(): SecretMarker {
  const key = randomBytes(32);
  return (kind, secret) => createHmac('sha256', key).update(kind).update('\u0000').update(secret).digest('base64url');
}
