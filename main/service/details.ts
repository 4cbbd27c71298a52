// Connection details as the service uses them, whatever spelling the renderer sent.
import type { ConnectionDetails } from '../../common/ipc/contract.js';
import { DATA_CENTRES } from '../arena/data-centres.js';

/** A known data centre's address always comes from our table, whatever the renderer sent. */
export function normaliseDetails(details: ConnectionDetails): ConnectionDetails {
  const centre = DATA_CENTRES.find((candidate) => candidate.id === details.dataCentre);
  return {
    ...details,
    apiUrl: centre ? centre.apiBase : details.apiUrl.trim().replace(/\/+$/, ''),
    integrationEmail: details.integrationEmail.trim(),
    userEmail: details.userEmail?.trim() || null,
  };
}
