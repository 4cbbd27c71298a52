// What the admin was doing in Onshape when each table's errors appear, one stage per Arena table. The
// explanation asks "What were you doing in Onshape when this appeared?" with these labels when one
// message or code means different things in different tables, and ranks by the words the admin pasted.

export interface Stage {
  /** One answer to the question, in the admin's terms. */
  label: string;
  /** Lower-case word starts that point to this stage when they appear around the pasted message. */
  words: readonly string[];
}

/** Keyed by a documented entry's source (its table). */
export const STAGES: Readonly<Record<string, Stage>> = {
  'seeds/login-errors.md': {
    label: "Connecting Onshape to Arena (saving Onshape's Arena settings or refreshing the mappings)",
    words: ['login', 'log in', 'logging in', 'sign in', 'signing in', 'connect', 'settings', 'webtoken', 'refresh'],
  },
  'seeds/authorize-user-errors.md': {
    label: 'Linking an Onshape user to their Arena account (authorizing the user)',
    words: ['authoriz', 'authoris', 'link'],
  },
  'arena-docs/connection-errors-logout.md': {
    label: 'Ending the connection (logging out of Arena)',
    words: ['logout', 'log out', 'logging out'],
  },
  'arena-docs/connection-errors-reserve-item-number.md': {
    label: 'Reserving an Arena part number for a part',
    words: ['reserv', 'part number', 'numbering', 'assign number'],
  },
  'arena-docs/connection-errors-create-item.md': {
    label: 'Creating a new part in Arena (its first sync or release)',
    words: ['creat', 'new part', 'first sync', 'releas'],
  },
  'arena-docs/connection-errors-create-update-item-attributes.md': {
    label: "Creating or updating a part's properties in Arena (a sync or release)",
    words: ['updat', 'propert', 'attribute', 'sync', 'releas', 'creat'],
  },
  'arena-docs/connection-errors-add-file-to-item.md': {
    label: 'Adding a file (a drawing, PDF or export) to a part in Arena',
    words: ['file', 'drawing', 'pdf', 'export', 'attach', 'upload', 'add'],
  },
  'arena-docs/connection-errors-remove-file-from-item.md': {
    label: 'Removing a file from a part in Arena',
    words: ['file', 'remov', 'delet', 'detach'],
  },
  'arena-docs/connection-errors-add-update-bom.md': {
    label: "Sending or updating an assembly's BOM in Arena",
    words: ['bom', 'bill of materials', 'assembl', 'reference designator', 'quantity', 'add', 'updat'],
  },
  'arena-docs/connection-errors-remove-bom-line.md': {
    label: "Removing a part from an assembly's BOM in Arena",
    words: ['bom', 'bill of materials', 'assembl', 'remov', 'delet'],
  },
  'arena-docs/connection-errors-unknown-system.md': {
    label: 'Anything in the Onshape–Arena connection',
    words: [],
  },
};
