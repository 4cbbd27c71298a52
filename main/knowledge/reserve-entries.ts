// POST /settings/items/numberreservations/onshape: reserving Arena item numbers for Onshape parts.
// Rows of arena-docs/connection-errors-reserve-item-number.md. This request logs in as the WebToken
// (integration) user itself, so its permission errors are about that user, not the Onshape user.
import { ENTER_WORKSPACE_ID, UI } from './shared-text.js';
import type { FixStep, KnowledgeEntry } from './types.js';

const SOURCE = 'arena-docs/connection-errors-reserve-item-number.md';
const RESERVE = ['POST /settings/items/numberreservations/onshape'] as const;

const RESERVE_AGAIN: FixStep = {
  who: 'onshape-user',
  text: 'Reserve the Arena part number again from Onshape once the change is made.',
};

const REFRESH_MAPPING: FixStep = {
  who: 'onshape-admin',
  text: "Refresh the mappings, then map the Onshape category to the Arena item category that should be used (its name alone is not enough: Onshape stores the category's GUID).",
  uiPath: UI.onshapeMappings,
};

export const RESERVE_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'reserve.3024',
    match: { endpoints: RESERVE, codes: [3024] },
    title: 'The integration user may not reserve item numbers',
    meaning:
      'Reserving a number logs in as the integration user (the employee with the WebToken). Arena refused it the data: that user does not have a Full License.',
    causes: [
      {
        id: 'webtoken-user-no-full-license',
        summary: 'The integration user (the employee the WebToken is assigned to) is not assigned a Full License.',
        question: "Does the integration user's employee record in Arena show a licence other than Full License?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give the integration user a Full License; this needs a free Full License in the account.',
            uiPath: UI.employee,
          },
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'Either you do not have privileges to access the requested data or it does not exist.',
      source: SOURCE,
    },
  },
  {
    id: 'reserve.3011',
    match: { endpoints: RESERVE, codes: [3011] },
    title: 'The Onshape category is mapped to an Arena category that does not exist',
    meaning:
      'Onshape asked for a number in the Arena item category with GUID {guid|named in the message}, and Arena has no category with that GUID, so it cannot say its name either.',
    causes: [
      {
        id: 'mapped-category-missing',
        summary: 'The Onshape category is mapped to an Arena item category ({guid|the GUID in the message}) that does not exist in Arena.',
        question: "Is the Arena category this Onshape category is mapped to missing from Arena's list of item categories?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Check which item categories exist, and which one parts of this Onshape category should get.',
            uiPath: UI.itemCategories,
          },
          REFRESH_MAPPING,
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    // Known mistake: the reserve page's Message column for 3011 repeats a sentence of the row above.
    // Arena's real 3011 message is the add-file page's; the explanation (a category GUID that does not exist) is right.
    documented: { httpStatus: 400, message: 'The guid “{0}” is not valid.', source: SOURCE, captures: ['guid'] },
  },
  {
    id: 'reserve.3238',
    match: { endpoints: RESERVE, codes: [3238] },
    title: 'The Arena category the Onshape category is mapped to was deleted',
    meaning:
      'The Onshape category is mapped to the Arena item category "{category|named in the message}" (GUID {guid|in the message}), which an Arena administrator deleted. A deleted category cannot be restored: re-creating it gives a new GUID, so the mapping must be updated even if the name is the same.',
    causes: [
      {
        id: 'category-deleted',
        summary: 'The Arena item category "{category|in the message}" that the Onshape category is mapped to was deleted.',
        question:
          'Was the Arena item category "{category|in the message}" deleted, or re-created under the same name, since numbers last reserved?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Re-create the item category "{category|in the message}" (or choose another existing one) with its number format.',
            uiPath: UI.itemCategories,
          },
          REFRESH_MAPPING,
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The category "{1}" (guid {0}) is deleted.',
      source: SOURCE,
      captures: ['guid', 'category'],
    },
  },
  {
    id: 'reserve.3038',
    match: { endpoints: RESERVE, codes: [3038] },
    title: 'The Arena category the Onshape category is mapped to is inactive',
    meaning:
      'The Onshape category is mapped to the Arena item category "{category|named in the message}" (GUID {guid|in the message}), which is inactive. Once it is active again, reserving numbers works as before.',
    causes: [
      {
        id: 'category-inactive',
        summary: 'The Arena item category "{category|in the message}" was made inactive.',
        question: 'Is the Arena item category "{category|in the message}" shown as inactive in the list of item categories?',
        fixSteps: [
          { who: 'arena-admin', text: 'Make the item category "{category|in the message}" active again.', uiPath: UI.itemCategories },
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The category "{1}" (guid {0}) is inactive.',
      source: SOURCE,
      captures: ['guid', 'category'],
    },
  },
  {
    id: 'reserve.3214',
    match: { endpoints: RESERVE, codes: [3214] },
    title: 'The mapped Arena category has no number format',
    meaning:
      'Arena can only reserve a number in a category that has a number format, and the item category "{category|named in the message}" (GUID {guid|in the message}) has none.',
    causes: [
      {
        id: 'no-number-format',
        summary: 'The Arena item category "{category|in the message}" is not assigned a number format.',
        question: 'Does the item category "{category|in the message}" show no number format when you edit it in Arena?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Edit the item category "{category|in the message}" and assign it a number format.',
            uiPath: UI.itemCategories,
          },
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The category guid ”{0}” ”{1}” does not have a number format.',
      source: SOURCE,
      captures: ['guid', 'category'],
    },
  },
  {
    id: 'reserve.3110',
    match: { endpoints: RESERVE, codes: [3110] },
    title: "The mapped Arena category's number format has no automatic sequence",
    meaning:
      'Arena reserves a number by counting up a sequence field, and the number format of the item category "{category|named in the message}" (GUID {guid|in the message}) has no auto-incrementing field.',
    causes: [
      {
        id: 'no-auto-sequence',
        summary: 'The number format of the item category "{category|in the message}" has no auto-increment (sequence) field.',
        question:
          'Is the number format of "{category|the category}" made only of fixed text or manually entered parts, with no sequence field?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give the category a number format that includes an auto-increment sequence field (or add one to its format).',
            uiPath: UI.itemCategories,
          },
          RESERVE_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The category guid “{0}”{1}” without auto sequencing number format value is not allowed to reserve number.',
      source: SOURCE,
      captures: ['guid', 'category'],
    },
  },
  {
    id: 'reserve.3295',
    match: { endpoints: RESERVE, codes: [3295] },
    title: 'Arena rejected a request header of the reservation',
    meaning:
      'One of the values Onshape sends with the reservation is not valid: the WebToken (X-Web-Token), the workspace ID (X-Workspace-ID) or the reservation ID (X-Item-Number-Reservation-ID). The message names which: {header|see the message}.',
    causes: [
      {
        id: 'web-token-header',
        summary: 'The WebToken Onshape holds (X-Web-Token) is wrong or out of date.',
        question: 'Does the message name X-Web-Token?',
        fixSteps: [
          {
            who: 'onshape-admin',
            text: 'Paste the current WebToken again exactly as Arena Support sent it, with no spaces before or after it.',
            uiPath: UI.onshapeArena,
          },
          RESERVE_AGAIN,
        ],
      },
      {
        id: 'workspace-id-header',
        summary: 'The workspace ID Onshape holds (X-Workspace-ID) is not a valid workspace ID.',
        question: 'Does the message name X-Workspace-ID?',
        fixSteps: [...ENTER_WORKSPACE_ID, RESERVE_AGAIN],
      },
      {
        id: 'reservation-id-header',
        summary: 'The reservation ID Onshape sent (X-Item-Number-Reservation-ID) is not valid.',
        question: 'Does the message name X-Item-Number-Reservation-ID?',
        fixSteps: [RESERVE_AGAIN],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'The request header {0} is not valid.', source: SOURCE, captures: ['header'] },
  },
];
