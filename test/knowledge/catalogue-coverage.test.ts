// Proves the knowledge base covers every table of Arena's published connection errors: the two seed tables
// and the nine arena-docs pages, 71 rows. Read from the vendored copies at test time (seed-copies.test.ts
// keeps them equal to the originals). Causes of the two seed tables are checked by seed-coverage.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYNC_ENDPOINTS, type Actor, type KnownEndpoint } from '../../common/check-report.js';
import { KNOWLEDGE_BASE, findEntry } from '../../main/knowledge/index.js';
import { UI } from '../../main/knowledge/shared-text.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  status: number | null;
  code: number;
  message: string;
}

const decode = (text: string) => text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** Rows of the first table whose cells are: status | code | ```message``` | explanation. A blank status is kept as null. */
function readTable(file: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path.join(repoRoot, file), 'utf8').split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.replace(/<br>/g, ' ').trim());
    const [status = '', code = '', message = ''] = cells;
    if (!/^\d+$/.test(code) || !(status === '' || /^\d+$/.test(status))) continue;
    const verbatim = /```([\s\S]*?)```/.exec(message)?.[1];
    if (verbatim === undefined) throw new Error(`${file}: no quoted message in row ${line}`);
    rows.push({ status: status === '' ? null : Number(status), code: Number(code), message: decode(verbatim.trim()) });
  }
  return rows;
}

const TABLES: { file: string; endpoints: readonly KnownEndpoint[] | 'any'; rows: number }[] = [
  { file: 'docs/arena-seeds/login-errors.md', endpoints: ['POST /login'], rows: 6 },
  { file: 'docs/arena-seeds/authorize-user-errors.md', endpoints: ['POST /login/authorizeuser'], rows: 6 },
  // The page says POST /logout, a known mistake: the endpoint is PUT /logout.
  { file: 'docs/arena-docs/connection-errors-logout.md', endpoints: ['PUT /logout'], rows: 1 },
  {
    file: 'docs/arena-docs/connection-errors-reserve-item-number.md',
    endpoints: ['POST /settings/items/numberreservations/onshape'],
    rows: 7,
  },
  { file: 'docs/arena-docs/connection-errors-create-item.md', endpoints: ['POST /items'], rows: 3 },
  { file: 'docs/arena-docs/connection-errors-create-update-item-attributes.md', endpoints: ['POST /items', 'PUT /items'], rows: 24 },
  { file: 'docs/arena-docs/connection-errors-add-file-to-item.md', endpoints: ['POST /items/{guid}/files'], rows: 6 },
  { file: 'docs/arena-docs/connection-errors-remove-file-from-item.md', endpoints: ['DELETE /items/{guid}/files/{guid}'], rows: 3 },
  {
    file: 'docs/arena-docs/connection-errors-add-update-bom.md',
    endpoints: ['POST /items/{guid}/bom', 'PUT /items/{guid}/bom/{guid}'],
    rows: 11,
  },
  { file: 'docs/arena-docs/connection-errors-remove-bom-line.md', endpoints: ['DELETE /items/{guid}/bom/{guid}'], rows: 2 },
  { file: 'docs/arena-docs/connection-errors-unknown-system.md', endpoints: 'any', rows: 2 },
];

const sourceOf = (file: string) => file.replace(/^docs\/arena-seeds\//, 'seeds/').replace(/^docs\//, '');

/** Known mistakes of the pages (their README): the message Arena really sends, where the table is wrong. */
const CORRECTED_MESSAGE: Record<string, string> = {
  'connection-errors-reserve-item-number.md 3011': 'The guid “{0}” is not valid.',
};

interface ExpectedCause {
  id: string;
  /** Everyone who must act in at least one fix step. */
  who?: Actor[];
  /** Each must be the uiPath of at least one fix step. */
  ui?: string[];
  summary?: RegExp;
  /** Must match at least one fix step's text. */
  fix?: RegExp;
}

const cause = (id: string, who?: Actor[], ui?: string[], more: Omit<ExpectedCause, 'id' | 'who' | 'ui'> = {}): ExpectedCause => ({
  id,
  ...(who ? { who } : {}),
  ...(ui ? { ui } : {}),
  ...more,
});

const PRIVILEGES = [
  cause('no-full-license', ['arena-admin'], [UI.employee], { summary: /Full License/ }),
  cause('no-item-policy', ['arena-admin'], [UI.accessPolicies], { summary: /Item Read & Write/ }),
  cause('no-file-policy', ['arena-admin'], [UI.accessPolicies], { summary: /File Read & Write/ }),
  cause('prohibited-by-policy', ['arena-admin'], [UI.accessPolicies], { summary: /category, procurement type or lifecycle phase/ }),
];
const VALUE_RULE = (id: string) => [cause(id, ['onshape-user']), cause('arena-attribute-rule', ['arena-admin'], [UI.itemAttributes])];
const VALUE_LIST = [
  cause('value-not-in-list', ['onshape-user']),
  cause('value-lists-differ', ['onshape-admin', 'arena-admin'], [UI.itemAttributes]),
];
const TYPED = (kind: string) => [
  cause(`value-not-a-${kind}`, ['onshape-user']),
  cause('property-type-differs', ['onshape-admin'], [UI.onshapeMappings]),
];
const REQUIRED = (ui: string[]) => cause('required-in-arena', ['arena-admin'], ui);
const LOCKED = (section: RegExp) => [cause('working-revision-on-change', ['arena-admin'], [UI.itemChanges], { summary: section })];
const BOM_SETTING = (setting: RegExp) => cause('bom-setting', ['arena-admin'], [UI.bomSettings], { summary: setting });
const INCIDENT = /date and time .* how many times/;

// Read from each row's Explanation column: every cause it lists, who acts and where.
const EXPECTED: Record<string, ExpectedCause[]> = {
  'connection-errors-logout.md 401': [cause('second-login'), cause('idle-expiry')],
  'connection-errors-reserve-item-number.md 3024': [
    cause('webtoken-user-no-full-license', ['arena-admin'], [UI.employee], { summary: /integration user.*Full License/ }),
  ],
  'connection-errors-reserve-item-number.md 3011': [
    cause('mapped-category-missing', ['arena-admin', 'onshape-admin'], [UI.itemCategories, UI.onshapeMappings]),
  ],
  'connection-errors-reserve-item-number.md 3238': [
    cause('category-deleted', ['arena-admin', 'onshape-admin'], [UI.itemCategories, UI.onshapeMappings], { fix: /Re-create/ }),
  ],
  'connection-errors-reserve-item-number.md 3038': [
    cause('category-inactive', ['arena-admin'], [UI.itemCategories], { fix: /active again/ }),
  ],
  'connection-errors-reserve-item-number.md 3214': [
    cause('no-number-format', ['arena-admin'], [UI.itemCategories], { fix: /number format/ }),
  ],
  'connection-errors-reserve-item-number.md 3110': [
    cause('no-auto-sequence', ['arena-admin'], [UI.itemCategories], { fix: /auto-increment/ }),
  ],
  'connection-errors-reserve-item-number.md 3295': [
    cause('web-token-header', ['onshape-admin'], [UI.onshapeArena], { summary: /X-Web-Token/ }),
    cause('workspace-id-header', ['onshape-admin'], undefined, { summary: /X-Workspace-ID/ }),
    cause('reservation-id-header', ['onshape-user'], undefined, { summary: /X-Item-Number-Reservation-ID/ }),
  ],
  'connection-errors-create-item.md 3024': PRIVILEGES,
  'connection-errors-create-item.md 3254': [cause('number-not-reserved', ['onshape-user'], undefined, { fix: /Reserve a new/ })],
  'connection-errors-create-item.md 3256': [cause('category-changed', ['onshape-user'], undefined, { fix: /Reserve a new/ })],
  'connection-errors-create-update-item-attributes.md 3001': [cause('value-omitted', ['onshape-user']), REQUIRED([UI.itemAttributes])],
  'connection-errors-create-update-item-attributes.md 3215': [cause('value-blank', ['onshape-user']), REQUIRED([UI.itemAttributes])],
  'connection-errors-create-update-item-attributes.md 3103': VALUE_RULE('value-too-long'),
  'connection-errors-create-update-item-attributes.md 3105': VALUE_RULE('value-has-lowercase'),
  'connection-errors-create-update-item-attributes.md 3106': VALUE_RULE('value-has-uppercase'),
  'connection-errors-create-update-item-attributes.md 3107': VALUE_RULE('value-has-digits'),
  'connection-errors-create-update-item-attributes.md 3108': VALUE_RULE('value-has-excluded-text'),
  'connection-errors-create-update-item-attributes.md 4003': [
    cause('value-not-accepted', ['onshape-user'], undefined, { summary: /OTS or MTS/ }),
    cause('mapping-sends-other-values', ['onshape-admin'], [UI.onshapeMappings]),
  ],
  'connection-errors-create-update-item-attributes.md 2008': [
    cause('property-not-mapped', ['onshape-admin'], [UI.onshapeMappings]),
    REQUIRED([UI.itemAttributes, UI.itemCategories]),
  ],
  'connection-errors-create-update-item-attributes.md 2014': [
    cause('value-blank', ['onshape-user']),
    REQUIRED([UI.itemAttributes, UI.itemCategories]),
  ],
  'connection-errors-create-update-item-attributes.md 2002': VALUE_LIST,
  'connection-errors-create-update-item-attributes.md 2021': VALUE_LIST,
  'connection-errors-create-update-item-attributes.md 2003': TYPED('date'),
  'connection-errors-create-update-item-attributes.md 2022': TYPED('date'),
  'connection-errors-create-update-item-attributes.md 2004': TYPED('number'),
  'connection-errors-create-update-item-attributes.md 2029': TYPED('number'),
  'connection-errors-create-update-item-attributes.md 2005': VALUE_RULE('value-negative'),
  'connection-errors-create-update-item-attributes.md 2023': VALUE_RULE('value-negative'),
  'connection-errors-create-update-item-attributes.md 2007': VALUE_RULE('too-many-values'),
  'connection-errors-create-update-item-attributes.md 2025': VALUE_RULE('too-many-values'),
  'connection-errors-create-update-item-attributes.md 2006': VALUE_RULE('too-many-decimals'),
  'connection-errors-create-update-item-attributes.md 2024': VALUE_RULE('too-many-decimals'),
  'connection-errors-create-update-item-attributes.md 2010': VALUE_LIST,
  'connection-errors-create-update-item-attributes.md 2026': VALUE_LIST,
  'connection-errors-add-file-to-item.md 3024': PRIVILEGES,
  'connection-errors-add-file-to-item.md 3011': [
    cause('file-category-missing', ['arena-admin', 'onshape-admin'], [UI.fileCategories, UI.onshapeMappings]),
  ],
  'connection-errors-add-file-to-item.md 3001': [cause('file-title-missing', ['onshape-user'], undefined, { summary: /title/ })],
  'connection-errors-add-file-to-item.md 3033': [cause('file-deleted', ['onshape-user']), cause('file-not-ready', ['onshape-user'])],
  'connection-errors-add-file-to-item.md 3034': LOCKED(/Files/),
  'connection-errors-add-file-to-item.md 3066': LOCKED(/Files/),
  'connection-errors-remove-file-from-item.md 3024': PRIVILEGES.filter((c) => c.id === 'no-item-policy' || c.id === 'no-file-policy'),
  'connection-errors-remove-file-from-item.md 3034': LOCKED(/Files/),
  'connection-errors-remove-file-from-item.md 3066': LOCKED(/Files/),
  'connection-errors-add-update-bom.md 3230': [
    cause('refdes-count-differs', ['onshape-user']),
    BOM_SETTING(/Reference Designator Checking for New Assemblies" is Check/),
  ],
  'connection-errors-add-update-bom.md 3227': [
    cause('negative-quantity', ['onshape-user']),
    BOM_SETTING(/Negative Quantities Allowed" is No/),
  ],
  'connection-errors-add-update-bom.md 3235': [
    cause('duplicate-line', ['onshape-user']),
    BOM_SETTING(/Identical BOM Items Allowed" is No/),
  ],
  'connection-errors-add-update-bom.md 3229': [
    cause('duplicate-refdes', ['onshape-user']),
    BOM_SETTING(/Reference Designator Checking for New Assemblies" is Check/),
  ],
  'connection-errors-add-update-bom.md 3232': [
    cause('line-number-mapped', ['onshape-admin'], [UI.onshapeMappings]),
    BOM_SETTING(/Line Numbering Method for New Assemblies" is Automatically Generate/),
  ],
  'connection-errors-add-update-bom.md 2014': [
    cause('bom-value-blank', ['onshape-user']),
    cause('bom-value-list', ['arena-admin'], [UI.bomAttributes]),
  ],
  'connection-errors-add-update-bom.md 2002': [
    cause('bom-value-not-in-list', ['onshape-user']),
    cause('bom-value-list', ['arena-admin'], [UI.bomAttributes]),
  ],
  'connection-errors-add-update-bom.md 3037': [cause('recursive-bom', ['onshape-user'], undefined, { summary: /below itself/ })],
  'connection-errors-add-update-bom.md 3237': LOCKED(/Bill of Materials/),
  'connection-errors-add-update-bom.md 3233': [cause('notes-too-long', ['onshape-user'], undefined, { summary: /4000/ })],
  'connection-errors-add-update-bom.md 3606': [cause('refdes-format', ['onshape-user'], undefined, { fix: /R1,R2,R4-R10/ })],
  'connection-errors-remove-bom-line.md 3012': [cause('line-already-removed', ['arena-admin'], [UI.itemBom])],
  'connection-errors-remove-bom-line.md 3034': LOCKED(/Bill of Materials/),
  'connection-errors-unknown-system.md 3000': [cause('arena-system-error', ['arena-support'], undefined, { fix: INCIDENT })],
  'connection-errors-unknown-system.md 4087': [cause('arena-internal-error', ['arena-support'], undefined, { fix: INCIDENT })],
};

const keyOf = (file: string, code: number) => `${path.basename(file)} ${code}`;

describe('catalogue of Arena connection errors', () => {
  it('reads all 71 rows of the 11 tables', () => {
    // Guards the parser: a format change that drops rows must fail here, not pass silently.
    expect(TABLES.map((table) => readTable(table.file).length)).toEqual(TABLES.map((table) => table.rows));
    expect(TABLES.reduce((sum, table) => sum + table.rows, 0)).toBe(71);
  });

  for (const table of TABLES) {
    for (const row of readTable(table.file)) {
      const key = keyOf(table.file, row.code);
      describe(key, () => {
        const endpoints = table.endpoints === 'any' ? [...SYNC_ENDPOINTS] : table.endpoints;
        const entry = findEntry(endpoints[0] ?? 'POST /login', row.code);

        it("has its own entry at exactly the table's endpoints, with the documented status and message", () => {
          expect(entry.match.endpoints).toEqual(table.endpoints);
          for (const endpoint of endpoints) expect(findEntry(endpoint, row.code).id).toBe(entry.id);
          expect(entry.documented?.httpStatus).toBe(row.status);
          expect(entry.documented?.message).toBe(CORRECTED_MESSAGE[key] ?? row.message);
          expect(entry.documented?.source).toBe(sourceOf(table.file));
        });

        it.skipIf(table.file.startsWith('docs/arena-seeds/'))('lists every cause the explanation gives', () => {
          const expected = EXPECTED[key];
          expect(expected, 'no expected causes written for this row').toBeDefined();
          expect(entry.recheck).not.toBe('wait-five-minutes');
          for (const want of expected ?? []) {
            const found = entry.causes.find((candidate) => candidate.id === want.id);
            expect(found, `${entry.id} lacks cause ${want.id}`).toBeDefined();
            if (!found) continue;
            const who = found.fixSteps.map((step) => step.who);
            for (const actor of want.who ?? []) expect(who, `${entry.id} ${want.id}`).toContain(actor);
            const paths = found.fixSteps.map((step) => step.uiPath);
            for (const ui of want.ui ?? []) expect(paths, `${entry.id} ${want.id}`).toContain(ui);
            if (want.summary) expect(found.summary).toMatch(want.summary);
            if (want.fix) expect(found.fixSteps.some((step) => want.fix?.test(step.text))).toBe(true);
          }
        });
      });
    }
  }

  it('has an expectation for exactly the arena-docs rows', () => {
    const rows = TABLES.filter((table) => table.file.startsWith('docs/arena-docs/')).flatMap((table) =>
      readTable(table.file).map((row) => keyOf(table.file, row.code)),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual(rows.sort());
  });

  it('documents a message only for rows the tables hold', () => {
    const rows = new Set(TABLES.flatMap((table) => readTable(table.file).map((row) => `${sourceOf(table.file)} ${row.code}`)));
    const claimed = KNOWLEDGE_BASE.flatMap((entry) => (entry.documented ? [`${entry.documented.source} ${entry.match.codes[0]}`] : []));
    expect(claimed.sort()).toEqual([...rows].sort());
  });
});
