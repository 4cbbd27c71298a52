// POST /items/{guid}/bom, PUT /items/{guid}/bom/{guid} and DELETE /items/{guid}/bom/{guid}: pushing a
// BOM to Arena. Rows of arena-docs/connection-errors-add-update-bom.md and …-remove-bom-line.md. Several
// failures depend on a workspace BOM setting, so each has a cause for the part and one for the setting.
import { UI } from './shared-text.js';
import { SYNC_AGAIN, lockedByChange } from './sync-causes.js';
import type { DocumentedMessage, KnowledgeCause, KnowledgeEntry } from './types.js';

const SOURCE = 'arena-docs/connection-errors-add-update-bom.md';
const REMOVE_SOURCE = 'arena-docs/connection-errors-remove-bom-line.md';
const BOM = ['POST /items/{guid}/bom', 'PUT /items/{guid}/bom/{guid}'] as const;
const REMOVE = ['DELETE /items/{guid}/bom/{guid}'] as const;

function bomEntry(
  code: number,
  entry: Pick<KnowledgeEntry, 'title' | 'meaning' | 'causes'>,
  message: string,
  captures?: DocumentedMessage['captures'],
): KnowledgeEntry {
  const documented: DocumentedMessage = { httpStatus: 400, message, source: SOURCE };
  if (captures) documented.captures = captures;
  return { id: `bom.${code}`, match: { endpoints: BOM, codes: [code] }, ...entry, recheck: 'after-change', documented };
}

/** The assembly in Onshape is what Arena objects to: its owner corrects it and syncs again. */
function fixAssembly(id: string, summary: string, question: string, how: string): KnowledgeCause {
  return { id, summary, question, fixSteps: [{ who: 'onshape-user', text: how }, SYNC_AGAIN] };
}

/** The failure only happens because of a workspace BOM setting (Arena's page names each one). */
function bomSetting(setting: string, value: string): KnowledgeCause {
  return {
    id: 'bom-setting',
    summary: `The workspace setting "${setting}" is ${value}, which makes Arena enforce this rule.`,
    question: `Should Arena accept this BOM, that is, is "${setting}" = ${value} stricter than your company intends?`,
    fixSteps: [
      {
        who: 'arena-admin',
        text: `Review "${setting}" (now ${value}) and change it only if your company agrees that BOMs from Onshape need not follow it.`,
        uiPath: UI.bomSettings,
      },
      SYNC_AGAIN,
    ],
  };
}

function bomValueList(attribute: string): KnowledgeCause {
  return {
    id: 'bom-value-list',
    summary: `The BOM attribute ${attribute} has no list of values, or its list lacks a value Onshape sends (for example Yes and No).`,
    question: `Does the BOM attribute ${attribute} in Arena lack a value list holding every value Onshape may send?`,
    fixSteps: [
      {
        who: 'arena-admin',
        text: `Give the BOM attribute ${attribute} a value list that contains every value Onshape may send (for example Yes and No).`,
        uiPath: UI.bomAttributes,
      },
      SYNC_AGAIN,
    ],
  };
}

const BOM_ATTRIBUTE = '"{attribute|named in the message}"';

export const BOM_ENTRIES: readonly KnowledgeEntry[] = [
  bomEntry(
    3230,
    {
      title: "A BOM line's quantity differs from its number of reference designators",
      meaning:
        'The BOM line has quantity {quantity|as in the message}, but a different number of reference designators. Arena checks this because reference designator checking is on.',
      causes: [
        fixAssembly(
          'refdes-count-differs',
          "The line's reference designators do not add up to its quantity ({quantity|see the message}).",
          'Does the number of reference designators on the line differ from its quantity of {quantity|the message}?',
          "Make the line's reference designators match its quantity (one per unit), or correct the quantity.",
        ),
        bomSetting('Reference Designator Checking for New Assemblies', 'Check'),
      ],
    },
    'Quantity ({0}) does not match number of reference designators specified for the BOM line.',
    ['quantity'],
  ),
  bomEntry(
    3227,
    {
      title: 'A BOM line has a negative quantity',
      meaning: "A BOM line's quantity is negative, and the workspace does not allow negative quantities.",
      causes: [
        fixAssembly(
          'negative-quantity',
          'A line of the BOM has a quantity below zero.',
          "Does any line of the assembly's BOM have a negative quantity?",
          'Give the line a positive quantity.',
        ),
        bomSetting('Negative Quantities Allowed', 'No'),
      ],
    },
    'Quantity must be positive.',
  ),
  bomEntry(
    3235,
    {
      title: 'The same item appears twice on the BOM',
      meaning:
        'The item {itemNumber|named in the message} (GUID {itemGuid|in the message}) is already on this BOM, and the workspace does not allow the same item twice.',
      causes: [
        fixAssembly(
          'duplicate-line',
          'The assembly lists the item {itemNumber|in the message} on two lines.',
          "Does the item {itemNumber|in the message} appear on more than one line of the assembly's BOM?",
          'Combine the lines for {itemNumber|the item} into one, with the total quantity.',
        ),
        bomSetting('Identical BOM Items Allowed', 'No'),
      ],
    },
    'Cannot add duplicate item "{0}"“{1}”.',
    ['itemGuid', 'itemNumber'],
  ),
  bomEntry(
    3229,
    {
      title: 'A reference designator is used twice on the BOM',
      meaning:
        'The reference designator {refdes|in the message} is already on another line of the BOM (line {bomLineGuid|named in the message}), and the workspace does not allow duplicates.',
      causes: [
        fixAssembly(
          'duplicate-refdes',
          'Two lines of the BOM share the reference designator {refdes|in the message}.',
          'Is {refdes|the reference designator in the message} given to two different lines of the assembly?',
          'Give each line its own reference designators.',
        ),
        bomSetting('Reference Designator Checking for New Assemblies', 'Check'),
      ],
    },
    'Reference designator "{0}" is already defined in BOM Line: {1}.',
    ['refdes', 'bomLineGuid'],
  ),
  bomEntry(
    3232,
    {
      title: 'Onshape sent a BOM attribute Arena fills in itself',
      meaning:
        'Onshape sent a value for {attribute|an attribute} (usually the line number), but Arena generates line numbers for this BOM automatically.',
      causes: [
        {
          id: 'line-number-mapped',
          summary: 'Onshape sends BOM line numbers ({attribute|the attribute in the message}), while Arena numbers lines itself.',
          question: 'Are item or line numbers from Onshape mapped to the Arena BOM line number?',
          questionReviewed: 'one-condition',
          fixSteps: [
            {
              who: 'onshape-admin',
              text: 'Stop mapping a value to the BOM line number, so Arena can number lines itself.',
              uiPath: UI.onshapeMappings,
            },
            SYNC_AGAIN,
          ],
        },
        bomSetting('Line Numbering Method for New Assemblies', 'Automatically Generate'),
      ],
    },
    'The attribute "{0}" is not editable for this BOM.',
    ['attribute'],
  ),
  bomEntry(
    2014,
    {
      title: 'A BOM attribute was sent empty',
      meaning:
        'Onshape sent an empty value for the BOM attribute {attribute|named in the message} (GUID {attributeGuid|in the message}), and Arena does not accept blank for it.',
      causes: [
        fixAssembly(
          'bom-value-blank',
          'The BOM line has no value for {attribute|the BOM attribute}.',
          'Is the property that fills {attribute|this BOM attribute} empty for a part of the assembly?',
          'Give the part or line a value for {attribute|the BOM attribute}.',
        ),
        bomValueList(BOM_ATTRIBUTE),
      ],
    },
    'Empty or blank is not a valid option for additional attribute "{0}"“{1}”.',
    // Unlike the item page's 2014, the BOM page gives the GUID first and the name second.
    ['attributeGuid', 'attribute'],
  ),
  bomEntry(
    2002,
    {
      title: "A value is not in a BOM attribute's list",
      meaning:
        'Onshape sent "{value|the value in the message}" for the BOM attribute {attribute|named in the message}, which is not one of the values Arena allows for it.',
      causes: [
        fixAssembly(
          'bom-value-not-in-list',
          'A line has the value "{value|in the message}", which the BOM attribute does not list.',
          'Is "{value|the value in the message}" a value only some lines have, perhaps typed by hand?',
          'Use one of the values Arena allows for {attribute|the BOM attribute}.',
        ),
        bomValueList(BOM_ATTRIBUTE),
      ],
    },
    'The specified value "{0}" is not a valid option for additional attribute "{1}".',
    ['value', 'attribute'],
  ),
  bomEntry(
    3037,
    {
      title: 'The BOM would contain itself',
      meaning:
        'The item {itemNumber|named in the message} (GUID {itemGuid|in the message}) already appears higher up in this BOM, so adding it here would make the BOM refer to itself.',
      causes: [
        fixAssembly(
          'recursive-bom',
          'The item {itemNumber|in the message} is being added below itself, for example an assembly inside its own BOM.',
          'Does {itemNumber|the item in the message} contain this assembly somewhere below it, while the assembly also contains it?',
          'Remove {itemNumber|the item} from its own sub-assembly, or use a different part there.',
        ),
      ],
    },
    'The item "{0}"“{1}” appears at a higher level in the fully indented BOM and cannot be added at this level.',
    ['itemGuid', 'itemNumber'],
  ),
  bomEntry(
    3237,
    {
      title: 'The BOM is locked by a change',
      meaning:
        "Arena only lets items be added to the working revision's BOM, and this item's working revision is on a change (submitted, or approved and not yet effective). Lock icons show in its Bill of Materials section.",
      causes: [lockedByChange('Bill of Materials')],
    },
    'An item can only be added to the working revision BOM. Effective BOMs are locked from editing.',
  ),
  bomEntry(
    3233,
    {
      title: 'BOM notes are too long',
      meaning: "A BOM line's notes are longer than Arena's limit of 4000 characters.",
      causes: [
        fixAssembly(
          'notes-too-long',
          'The notes of a BOM line have more than 4000 characters.',
          'Does any line of the BOM carry notes longer than 4000 characters?',
          'Shorten the notes to fewer than 4000 characters (put long text in a file instead).',
        ),
      ],
    },
    'Notes must be smaller than 4000.',
  ),
  bomEntry(
    3606,
    {
      title: 'A reference designator is written in a form Arena does not accept',
      meaning:
        'Arena reads reference designators as a comma-separated list of letter-number pairs, with a dash for a range (R1,R2,R4-R10). "{refdes|The value in the message}" is not in that form.',
      causes: [
        fixAssembly(
          'refdes-format',
          'The reference designator "{refdes|in the message}" is not letters followed by a number, or a range of them.',
          'Does "{refdes|the reference designator}" hold anything but single names (R4), ranges like R4-R10 and commas between them?',
          'Write the reference designators as a comma-separated list such as R1,R2,R4-R10.',
        ),
      ],
    },
    'Invalid reference designator: “{0}” Reference designators must be entered as a comma separated list using format [letter][number] or [letter][number]-[letter][number] for a range. Ex: R1,R2,R4-R10.',
    ['refdes'],
  ),
  {
    id: 'remove-bom.3012',
    match: { endpoints: REMOVE, codes: [3012] },
    title: 'The BOM line to remove is no longer there',
    meaning: 'Onshape tried to remove a BOM line (GUID {bomLineGuid|named in the message}) that is no longer on the BOM in Arena.',
    causes: [
      {
        id: 'line-already-removed',
        summary: 'The line was already removed from the BOM in Arena, for example by someone editing it there.',
        question: 'Was the BOM of this item edited in Arena recently, outside Onshape?',
        fixSteps: [
          { who: 'arena-admin', text: "Check the item's BOM in Arena to see whether the line was removed recently.", uiPath: UI.itemBom },
          SYNC_AGAIN,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The requested object with guid “{0}” is not found.',
      source: REMOVE_SOURCE,
      captures: ['bomLineGuid'],
    },
  },
  {
    id: 'remove-bom.3034',
    match: { endpoints: REMOVE, codes: [3034] },
    title: 'The BOM is locked, so the line cannot be removed',
    meaning:
      "Arena only lets lines be removed from the working revision's BOM; effective BOMs are locked. Lock icons show in the item's Bill of Materials section.",
    causes: [lockedByChange('Bill of Materials')],
    recheck: 'after-change',
    // Known mistake: this page says "Item is locked." while the file pages say "The item is locked.";
    // Onshape shows whichever Arena sent, so both forms are matched.
    documented: { httpStatus: 400, message: 'Item is locked.', source: REMOVE_SOURCE, variants: ['The item is locked.'] },
  },
];
