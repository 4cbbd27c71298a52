// POST /items with a reserved number: creating an Onshape part in Arena for the first time.
// Rows of arena-docs/connection-errors-create-item.md. The request runs as the Onshape user's own
// Arena account (the authorized user), so 3024 here is about that account, not the integration user.
import { UI } from './shared-text.js';
import { privilegeCauses } from './sync-causes.js';
import type { FixStep, KnowledgeEntry } from './types.js';

const SOURCE = 'arena-docs/connection-errors-create-item.md';
const CREATE = ['POST /items'] as const;

const RESERVE_NEW_NUMBER: FixStep = {
  who: 'onshape-user',
  text: 'Reserve a new Arena part number for the part in Onshape, then sync it again; the old reservation is not used.',
};

export const CREATE_ITEM_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'create-item.3024',
    match: { endpoints: CREATE, codes: [3024] },
    title: 'The Onshape user may not create this item in Arena',
    meaning:
      "Arena refused to create the item for the Onshape user's Arena account: either the account lacks a licence or permission, or an access policy keeps it away from this kind of item. The part is not created.",
    causes: privilegeCauses('creating the same type of item'),
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'Either you do not have privileges to access the requested data or it does not exist.',
      source: SOURCE,
    },
  },
  {
    id: 'create-item.3254',
    match: { endpoints: CREATE, codes: [3254] },
    title: "The part's number was not reserved in Arena",
    meaning:
      'Onshape tried to create an item with a part number Arena has no reservation for. A number has to be reserved in Arena before the part is created with it.',
    causes: [
      {
        id: 'number-not-reserved',
        summary: 'The part has a number that was never reserved in Arena, or whose reservation was already used.',
        question: "Was the part's number typed in by hand or copied from another part, rather than reserved from Onshape?",
        questionReviewed: 'one-condition',
        fixSteps: [RESERVE_NEW_NUMBER],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'Item-Number-Reservation-ID does not match reservation.', source: SOURCE },
  },
  {
    id: 'create-item.3256',
    match: { endpoints: CREATE, codes: [3256] },
    title: "The part's category changed after its number was reserved",
    meaning:
      'The number was reserved for the Arena category "{category|named in the message}" (GUID {guid|in the message}), and the part now has a different category. A reserved number only works with the category it was reserved for.',
    causes: [
      {
        id: 'category-changed',
        summary: 'The part\'s category was changed in Onshape after its number was reserved under "{category|another category}".',
        question: "Was the part's category changed in Onshape after its Arena number was reserved?",
        fixSteps: [
          RESERVE_NEW_NUMBER,
          {
            who: 'onshape-admin',
            text: 'If the category should not have changed, check which Arena category the Onshape category is mapped to.',
            uiPath: UI.onshapeMappings,
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The item number was reserved with category guid “{0}””{1}”. A different category cannot be specified.',
      source: SOURCE,
      captures: ['guid', 'category'],
    },
  },
];
