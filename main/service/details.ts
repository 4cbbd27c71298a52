// Connection details as the service uses them, whatever spelling the renderer sent.
import type { ConnectionDetails } from '../../common/ipc/contract.js';
import { canonicalApiUrl } from '../accounts/identity.js';
import { DATA_CENTRES } from '../arena/data-centres.js';

/** A known data centre's address always comes from our table, whatever the renderer sent; any other is canonical. */
export function normaliseDetails(details: ConnectionDetails): ConnectionDetails {
  const centre = DATA_CENTRES.find((candidate) => candidate.id === details.dataCentre);
  return {
    ...details,
    apiUrl: centre ? centre.apiBase : canonicalApiUrl(details.apiUrl),
    integrationEmail: details.integrationEmail.trim(),
    userEmail: details.userEmail?.trim() || null,
  };
}
