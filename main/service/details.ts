// Connection details as the service uses them, whatever spelling the renderer sent.
import type { ReachTarget } from '../../common/check-report.js';
import type { ConnectionDetails } from '../../common/ipc/contract.js';
import { canonicalApiUrl } from '../accounts/identity.js';
import { DATA_CENTRES } from '../arena/data-centres.js';

/** A known data centre's address always comes from our table, whatever the renderer sent; any other is canonical. */
export function normaliseTarget<T extends ReachTarget>(target: T): T {
  const centre = DATA_CENTRES.find((candidate) => candidate.id === target.dataCentre);
  return { ...target, apiUrl: centre ? centre.apiBase : canonicalApiUrl(target.apiUrl) };
}

export function normaliseDetails(details: ConnectionDetails): ConnectionDetails {
  return {
    ...normaliseTarget(details),
    integrationEmail: details.integrationEmail.trim(),
    userEmail: details.userEmail?.trim() || null,
  };
}
