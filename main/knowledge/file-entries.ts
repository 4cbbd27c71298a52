// POST /items/{guid}/files and DELETE /items/{guid}/files/{guid}: adding a file to an item, removing one.
// Rows of arena-docs/connection-errors-add-file-to-item.md and …-remove-file-from-item.md. The same code
// differs by endpoint: 3001 here is a file's title, not an item attribute; 3011 a file category.
import { UI } from './shared-text.js';
import { SYNC_AGAIN, lockedByChange, privilegeCauses } from './sync-causes.js';
import type { KnowledgeEntry } from './types.js';

const ADD_SOURCE = 'arena-docs/connection-errors-add-file-to-item.md';
const REMOVE_SOURCE = 'arena-docs/connection-errors-remove-file-from-item.md';
const ADD = ['POST /items/{guid}/files'] as const;
const REMOVE = ['DELETE /items/{guid}/files/{guid}'] as const;

const NO_PRIVILEGES = 'Either you do not have privileges to access the requested data or it does not exist.';
const LOCKED = 'The item is locked.';
// Arena's table has a trailing space inside this message; the knowledge base keeps it trimmed.
const LOCKED_BY_CHANGE = 'The working revision of the item is locked by inclusion in at least one change.';

export const FILE_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'add-file.3024',
    match: { endpoints: ADD, codes: [3024] },
    title: 'The Onshape user may not add files to this item',
    meaning:
      "Arena refused to add the file for the Onshape user's Arena account: the account lacks a licence or permission, or an access policy keeps it away from this kind of item.",
    causes: privilegeCauses('adding a file to the same type of item'),
    recheck: 'after-change',
    documented: { httpStatus: 400, message: NO_PRIVILEGES, source: ADD_SOURCE },
  },
  {
    id: 'add-file.3011',
    match: { endpoints: ADD, codes: [3011] },
    title: "The file's category does not exist in Arena",
    meaning: 'The file category the file is given (GUID {guid|named in the message}) does not exist in Arena; it may have been removed.',
    causes: [
      {
        id: 'file-category-missing',
        summary: 'The file category with GUID {guid|in the message} was removed from Arena, or never existed in this workspace.',
        question: "Is the file category Onshape assigns to this file missing from Arena's list of file categories?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Check the file categories; try creating a file with the same category in Arena to see whether it is valid.',
            uiPath: UI.fileCategories,
          },
          {
            who: 'onshape-admin',
            text: 'Refresh the mappings and map the file type to an Arena file category that exists.',
            uiPath: UI.onshapeMappings,
          },
          SYNC_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'The guid “{0}” is not valid.', source: ADD_SOURCE, captures: ['guid'] },
  },
  {
    id: 'add-file.3001',
    match: { endpoints: ADD, codes: [3001] },
    title: 'The file has no title',
    meaning: 'Every file in Arena needs a title ("{attribute|title}" is the attribute Arena names), and this one was sent without it.',
    causes: [
      {
        id: 'file-title-missing',
        summary: 'The file Onshape sends has no title.',
        question: 'Is the drawing, export or document this file comes from unnamed in Onshape?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'onshape-user', text: 'Give the drawing or exported file a name in Onshape.' },
          {
            who: 'onshape-admin',
            text: 'Check that a property is mapped to the Arena file title.',
            uiPath: UI.onshapeMappings,
          },
          SYNC_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'The attribute “{0}” is required.', source: ADD_SOURCE, captures: ['attribute'] },
  },
  {
    id: 'add-file.3033',
    match: { endpoints: ADD, codes: [3033] },
    title: 'The file to upload has no content',
    meaning: 'The file being added does not exist where Onshape looked for it, so nothing could be uploaded.',
    causes: [
      {
        id: 'file-deleted',
        summary: 'The file was deleted from its source (for example the drawing or export was removed in Onshape).',
        question: 'Was the drawing, export or file deleted or replaced in Onshape after the sync started?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'onshape-user', text: 'Create the drawing or export again in Onshape.' }, SYNC_AGAIN],
      },
      {
        id: 'file-not-ready',
        summary: 'The file was not ready to upload yet (for example a translation or export still running).',
        question: 'Was a translation or export of this file still in progress when the sync ran?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'onshape-user', text: 'Wait until the export or translation has finished in Onshape.' }, SYNC_AGAIN],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'The file content is missing.', source: ADD_SOURCE },
  },
  {
    id: 'add-file.3034',
    match: { endpoints: ADD, codes: [3034] },
    title: 'The item is locked, so files cannot be added',
    meaning:
      "The item's working revision is on a submitted change, so Arena locks its files and the file cannot be added. Lock icons show in the item's Files view.",
    causes: [lockedByChange('Files')],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: LOCKED, source: ADD_SOURCE },
  },
  {
    id: 'add-file.3066',
    match: { endpoints: ADD, codes: [3066] },
    title: "The item's working revision is on a change, so files cannot be added",
    meaning:
      "The item's working revision is on a change that is submitted for approval, or approved and waiting to take effect; until then its files are locked.",
    causes: [lockedByChange('Files')],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: LOCKED_BY_CHANGE, source: ADD_SOURCE },
  },
  {
    id: 'remove-file.3024',
    match: { endpoints: REMOVE, codes: [3024] },
    title: 'The Onshape user may not remove files from this item',
    meaning:
      "Arena refused to remove the file for the Onshape user's Arena account: it does not have the Item Read & Write and File Read & Write access policies.",
    causes: privilegeCauses('removing a file from the item').filter((cause) => ['no-item-policy', 'no-file-policy'].includes(cause.id)),
    recheck: 'after-change',
    documented: { httpStatus: 400, message: NO_PRIVILEGES, source: REMOVE_SOURCE },
  },
  {
    id: 'remove-file.3034',
    match: { endpoints: REMOVE, codes: [3034] },
    title: 'The item is locked, so files cannot be removed',
    meaning:
      "The item's working revision is on a submitted change, so Arena locks its files and the file cannot be removed. Lock icons show in the item's Files view.",
    causes: [lockedByChange('Files')],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: LOCKED, source: REMOVE_SOURCE },
  },
  {
    id: 'remove-file.3066',
    match: { endpoints: REMOVE, codes: [3066] },
    title: "The item's working revision is on a change, so files cannot be removed",
    meaning:
      "The item's working revision is on a change that is submitted for approval, or approved and waiting to take effect; until then its files are locked.",
    causes: [lockedByChange('Files')],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: LOCKED_BY_CHANGE, source: REMOVE_SOURCE },
  },
];
