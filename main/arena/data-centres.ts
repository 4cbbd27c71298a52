// Arena's data centres and their API bases (https://ptc-arena.github.io/arena-dev-help/get-started/api-format).
import type { DataCentreId } from '../../common/check-report.js';

export interface DataCentre {
  id: DataCentreId;
  label: string;
  webApp: string;
  apiBase: string;
}

export const DATA_CENTRES: readonly DataCentre[] = [
  { id: 'us', label: 'United States', webApp: 'app.bom.com', apiBase: 'https://api.arenasolutions.com/v1' },
  { id: 'europe', label: 'Europe', webApp: 'app.europe.arenaplm.com', apiBase: 'https://api.europe.arenaplm.com/v1' },
  { id: 'uk', label: 'United Kingdom', webApp: 'app.uk.arenaplm.com', apiBase: 'https://api.uk.arenaplm.com/v1' },
  { id: 'gov', label: 'Arena Government', webApp: 'app.arenagov.com', apiBase: 'https://api.arenagov.com/v1' },
  { id: 'cn', label: 'China', webApp: 'app.arenaplm.cn', apiBase: 'https://api.arenaplm.cn/v1' },
];

export const DATA_CENTRE_IDS = DATA_CENTRES.map((centre) => centre.id) as readonly DataCentreId[];

export function dataCentreById(id: DataCentreId): DataCentre {
  const centre = DATA_CENTRES.find((candidate) => candidate.id === id);
  if (!centre) throw new Error(`Unknown data centre: ${id}`);
  return centre;
}

/** Which data centre an API address belongs to, or 'custom'. */
export function dataCentreOf(apiUrl: string): DataCentreId | 'custom' {
  const normalised = apiUrl.replace(/\/+$/, '');
  return DATA_CENTRES.find((centre) => centre.apiBase === normalised)?.id ?? 'custom';
}
