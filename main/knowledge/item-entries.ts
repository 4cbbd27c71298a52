// POST /items and PUT /items: creating or updating an Arena item's core and additional attributes.
// Rows of arena-docs/connection-errors-create-update-item-attributes.md. Each failure is either the
// value one part carries in Onshape, or the way Onshape and Arena are set up (mappings, attribute rules).
import { UI } from './shared-text.js';
import { SYNC_AGAIN } from './sync-causes.js';
import type { DocumentedMessage, KnowledgeCause, KnowledgeEntry } from './types.js';

const SOURCE = 'arena-docs/connection-errors-create-update-item-attributes.md';
const ITEMS = ['POST /items', 'PUT /items'] as const;

/** How entry text names the attribute a message is about. */
const ATTRIBUTE = '"{attribute|named in the message}"';
const VALUE = '"{value|the value in the message}"';

interface Row {
  code: number;
  title: string;
  meaning: string;
  causes: KnowledgeCause[];
  message: string;
  captures?: DocumentedMessage['captures'];
  variants?: DocumentedMessage['variants'];
}

function itemEntry(row: Row): KnowledgeEntry {
  const documented: DocumentedMessage = { httpStatus: 400, message: row.message, source: SOURCE };
  if (row.captures) documented.captures = row.captures;
  if (row.variants) documented.variants = row.variants;
  return {
    id: `item.${row.code}`,
    match: { endpoints: ITEMS, codes: [row.code] },
    title: row.title,
    meaning: row.meaning,
    causes: row.causes,
    recheck: 'after-change',
    documented,
  };
}

/** The part's own value breaks Arena's rule: the Onshape user corrects it and syncs again. */
function fixValueInOnshape(id: string, summary: string, question: string, how: string): KnowledgeCause {
  return {
    id,
    summary,
    question,
    fixSteps: [{ who: 'onshape-user', text: how, uiPath: UI.onshapePartProperties }, SYNC_AGAIN],
  };
}

/** Arena's rule for the attribute is stricter than the company's parts need: the Arena admin decides. */
function arenaAttributeRule(rule: string, where: 'items' | 'items and categories' = 'items'): KnowledgeCause {
  return {
    id: 'arena-attribute-rule',
    summary: `The attribute ${ATTRIBUTE} is set up in Arena so that ${rule}, and that rule may not suit parts synced from Onshape.`,
    question: `Should Arena accept this value, that is, is the rule that ${rule} stricter than your company intends?`,
    fixSteps: [
      {
        who: 'arena-admin',
        text: `Check the attribute ${ATTRIBUTE} and its rule; change the rule if parts from Onshape should be allowed this value.`,
        uiPath: UI.itemAttributes,
      },
      ...(where === 'items and categories'
        ? [
            {
              who: 'arena-admin' as const,
              text: 'Check the item category too: a category can make an attribute required for its items.',
              uiPath: UI.itemCategories,
            },
          ]
        : []),
      SYNC_AGAIN,
    ],
  };
}

function requiredInArena(kind: 'core' | 'additional'): KnowledgeCause {
  return {
    id: 'required-in-arena',
    summary: `Arena requires the ${kind} attribute ${ATTRIBUTE} for this kind of item, and the part has nothing for it.`,
    question: `Does Arena list ${ATTRIBUTE} as required, although your parts need not have it?`,
    fixSteps: [
      {
        who: 'arena-admin',
        text: `See what is required: the attribute ${ATTRIBUTE} itself, and the item category the part is in. Make it optional if parts from Onshape need not have it.`,
        uiPath: UI.itemAttributes,
      },
      ...(kind === 'additional'
        ? [{ who: 'arena-admin' as const, text: "Check the item category's required attributes as well.", uiPath: UI.itemCategories }]
        : []),
      SYNC_AGAIN,
    ],
  };
}

const PROPERTY_NOT_MAPPED: KnowledgeCause = {
  id: 'property-not-mapped',
  summary: `No Onshape property is mapped to the Arena attribute ${ATTRIBUTE}, so Onshape never sends a value for it.`,
  question: `Is ${ATTRIBUTE} missing from the attribute mappings in Onshape's Arena settings?`,
  fixSteps: [
    {
      who: 'onshape-admin',
      text: `Map an Onshape property to the Arena attribute ${ATTRIBUTE} (refresh the mappings first if it is not offered).`,
      uiPath: UI.onshapeMappings,
    },
    SYNC_AGAIN,
  ],
};

/** A drop-down attribute: the Onshape property's list and Arena's list disagree. */
const VALUE_LISTS_DIFFER: KnowledgeCause = {
  id: 'value-lists-differ',
  summary: `The Onshape property mapped to ${ATTRIBUTE} offers values that are not in the Arena attribute's list of values.`,
  question: `Do other parts fail the same way, because the Onshape property's list of values differs from the list of ${ATTRIBUTE} in Arena?`,
  fixSteps: [
    {
      who: 'onshape-admin',
      text: `Compare the Onshape property's values with the Arena attribute ${ATTRIBUTE}'s list, and make the Onshape list offer only values Arena has.`,
      uiPath: UI.onshapeCustomProperties,
    },
    {
      who: 'arena-admin',
      text: `Or add the missing values to the list of the attribute ${ATTRIBUTE}.`,
      uiPath: UI.itemAttributes,
    },
    SYNC_AGAIN,
  ],
};

function propertyTypeDiffers(type: 'Date' | 'Number'): KnowledgeCause {
  return {
    id: 'property-type-differs',
    summary: `The Onshape property mapped to ${ATTRIBUTE} is not a ${type.toLowerCase()} property, so it can hold values Arena's ${type} attribute cannot take.`,
    question: `Is the Onshape property mapped to ${ATTRIBUTE} a free-text property rather than a ${type.toLowerCase()} one?`,
    fixSteps: [
      {
        who: 'onshape-admin',
        text: `Map ${ATTRIBUTE} to an Onshape property of ${type.toLowerCase()} type (or change the property's type) so only ${type.toLowerCase()}s reach Arena.`,
        uiPath: UI.onshapeMappings,
      },
      SYNC_AGAIN,
    ],
  };
}

/** Arena's page gives each additional-attribute message twice: without and with the attribute's GUID. */
const WITH_GUID = " Arena names the attribute's GUID too: {attributeGuid|see the message}.";

export const ITEM_ENTRIES: readonly KnowledgeEntry[] = [
  itemEntry({
    code: 3001,
    title: 'A required core attribute has no value',
    meaning: `Arena requires the core attribute ${ATTRIBUTE} (such as name, description or revision), and Onshape sent none. The part is not created or updated until it has one.`,
    causes: [
      fixValueInOnshape(
        'value-omitted',
        `The part has no value for ${ATTRIBUTE} in Onshape, so Onshape left it out.`,
        `Is the property that should fill ${ATTRIBUTE} empty on this part in Onshape?`,
        `Give the part a value for the property mapped to ${ATTRIBUTE}.`,
      ),
      PROPERTY_NOT_MAPPED,
      requiredInArena('core'),
    ],
    message: 'The attribute “{0}” is required.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 3215,
    title: 'A required core attribute was sent blank',
    meaning: `Arena requires the core attribute ${ATTRIBUTE}, and Onshape sent it empty or blank.`,
    causes: [
      fixValueInOnshape(
        'value-blank',
        `The part's property for ${ATTRIBUTE} is empty or only spaces in Onshape.`,
        `Is the property mapped to ${ATTRIBUTE} blank on this part (nothing but spaces counts as blank)?`,
        `Replace the blank with an acceptable value for ${ATTRIBUTE}.`,
      ),
      requiredInArena('core'),
    ],
    message: 'Empty or blank is not a valid option for the attribute “{0}”.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 3103,
    title: "A core attribute's value is too long",
    meaning: `The value for ${ATTRIBUTE} is longer than Arena allows for it: at most {maxLength|the maximum in the message} characters.`,
    causes: [
      fixValueInOnshape(
        'value-too-long',
        `The part's value for ${ATTRIBUTE} has more than {maxLength|the allowed number of} characters.`,
        `Is the part's value for ${ATTRIBUTE} longer than {maxLength|the maximum} characters?`,
        `Shorten the value of ${ATTRIBUTE} to at most {maxLength|the maximum length} characters.`,
      ),
      arenaAttributeRule('its text is limited to {maxLength|a maximum} characters'),
    ],
    message: 'The length of the value exceeds the maximum length “{0}” for the attribute “{1}”.',
    captures: ['maxLength', 'attribute'],
    // Arena's own example writes the limit in parentheses: "…the maximum length (10) for the attribute "name"."
    variants: ['The length of the value exceeds the maximum length ({0}) for the attribute “{1}”.'],
  }),
  itemEntry({
    code: 3105,
    title: 'A core attribute may not contain lowercase letters',
    meaning: `Arena is set up so that ${ATTRIBUTE} may not include lowercase characters, and the part's value does.`,
    causes: [
      fixValueInOnshape(
        'value-has-lowercase',
        `The part's value for ${ATTRIBUTE} contains lowercase letters.`,
        `Does the part's value for ${ATTRIBUTE} contain lowercase letters?`,
        `Convert the value of ${ATTRIBUTE} to uppercase.`,
      ),
      arenaAttributeRule('it may not include lowercase characters'),
    ],
    message: 'The value for attribute "{0}" cannot include lowercase characters.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 3106,
    title: 'A core attribute may not contain uppercase letters',
    meaning: `Arena is set up so that ${ATTRIBUTE} may not include uppercase characters, and the part's value does.`,
    causes: [
      fixValueInOnshape(
        'value-has-uppercase',
        `The part's value for ${ATTRIBUTE} contains uppercase letters.`,
        `Does the part's value for ${ATTRIBUTE} contain uppercase letters?`,
        `Convert the value of ${ATTRIBUTE} to lowercase.`,
      ),
      arenaAttributeRule('it may not include uppercase characters'),
    ],
    message: 'The value for attribute "{0}" cannot include uppercase characters.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 3107,
    title: 'A core attribute may not contain digits',
    meaning: `Arena is set up so that ${ATTRIBUTE} may not include numeric characters, and the part's value does.`,
    causes: [
      fixValueInOnshape(
        'value-has-digits',
        `The part's value for ${ATTRIBUTE} contains digits.`,
        `Does the part's value for ${ATTRIBUTE} contain digits?`,
        `Remove the digits from the value of ${ATTRIBUTE}.`,
      ),
      arenaAttributeRule('it may not include numeric characters'),
    ],
    message: 'The value for attribute "{0}" cannot include numeric characters.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 3108,
    title: 'A core attribute contains text Arena excludes',
    meaning: `Arena is set up so that ${ATTRIBUTE} may not include the text "{excludedText|named in the message}", and the part's value does.`,
    causes: [
      fixValueInOnshape(
        'value-has-excluded-text',
        `The part's value for ${ATTRIBUTE} contains "{excludedText|the excluded text}".`,
        `Does the part's value for ${ATTRIBUTE} contain "{excludedText|the text in the message}", perhaps as a placeholder such as TBD?`,
        `Remove "{excludedText|the excluded text}" from the value of ${ATTRIBUTE}.`,
      ),
      arenaAttributeRule('it may not include "{excludedText|that text}"'),
    ],
    message: 'The value for attribute "{0}" cannot include "{1}".',
    captures: ['attribute', 'excludedText'],
  }),
  itemEntry({
    code: 4003,
    title: "A core attribute's value is not one Arena accepts",
    meaning: `Arena does not accept the value sent for ${ATTRIBUTE}. For the procurement type, Arena's page says the value must be "OTS" or "MTS" as defined in Arena.`,
    causes: [
      fixValueInOnshape(
        'value-not-accepted',
        `The part's value for ${ATTRIBUTE} is not one of the values Arena accepts (for procurement type: OTS or MTS).`,
        `Is the part's value for ${ATTRIBUTE} something other than the values Arena offers for it?`,
        `Set ${ATTRIBUTE} to a value Arena accepts (for procurement type, the OTS or MTS value Arena uses).`,
      ),
      {
        id: 'mapping-sends-other-values',
        summary: `The Onshape property mapped to ${ATTRIBUTE} uses other words than Arena does for the same values.`,
        question: `Do all parts fail this way, because Onshape's values for ${ATTRIBUTE} are spelled differently from Arena's?`,
        fixSteps: [
          {
            who: 'onshape-admin',
            text: `Check which Onshape property is mapped to ${ATTRIBUTE}, and make its values match Arena's.`,
            uiPath: UI.onshapeMappings,
          },
          SYNC_AGAIN,
        ],
      },
    ],
    message: 'The value for the attribute “{0}” is not valid.',
    captures: ['attribute'],
  }),
  itemEntry({
    code: 2008,
    title: 'A required additional attribute has no value',
    meaning: `Arena requires the additional attribute ${ATTRIBUTE} (GUID {attributeGuid|in the message}) for this item, and Onshape sent nothing for it.`,
    causes: [PROPERTY_NOT_MAPPED, requiredInArena('additional')],
    message: 'The additional attribute ”{0}””{1}” is required.',
    captures: ['attribute', 'attributeGuid'],
    // Arena's example shows the form Arena sends: The additional attribute "Critical Part" (guid 0I2L…) is required.
    variants: ['The additional attribute "{0}" (guid {1}) is required.'],
  }),
  itemEntry({
    code: 2014,
    title: 'A required additional attribute was sent blank',
    meaning: `Arena requires the additional attribute ${ATTRIBUTE} (GUID {attributeGuid|in the message}), and Onshape sent it empty.`,
    causes: [
      fixValueInOnshape(
        'value-blank',
        `An Onshape property is mapped to ${ATTRIBUTE}, but this part has no value in it.`,
        `Is the Onshape property mapped to ${ATTRIBUTE} empty on this part?`,
        `Give the part a value in the property mapped to ${ATTRIBUTE}.`,
      ),
      requiredInArena('additional'),
    ],
    message: 'Empty or blank is not a valid option for the additional attribute “{0}””{1}”.',
    captures: ['attribute', 'attributeGuid'],
    variants: ['Empty or blank is not a valid option for additional attribute "{0}" (guid {1}).'],
  }),
  ...listValueEntries(2002, 2021, {
    title: "A value is not in an additional attribute's list",
    meaning: `The additional attribute ${ATTRIBUTE} is a drop-down list in Arena, and ${VALUE} is not one of its values.`,
    message: (guid) => `The specified value "{0}" is not a valid option for additional attribute "{1}"${guid ? ' (guid {2})' : ''}.`,
  }),
  ...typedValueEntries(2003, 2022, 'Date'),
  ...typedValueEntries(2004, 2029, 'Number'),
  ...pairedEntries(2005, 2023, {
    title: 'A negative number for an additional attribute that must be positive',
    meaning: `The additional attribute ${ATTRIBUTE} does not allow negative numbers, and the part's value is ${VALUE}.`,
    message: (guid) => `The value "{0}" for additional attribute "{1}"${guid ? ' (guid {2})' : ''} must be positive.`,
    captures: (guid) => (guid ? ['value', 'attribute', 'attributeGuid'] : ['value', 'attribute']),
    causes: () => [
      fixValueInOnshape(
        'value-negative',
        `The part's value for ${ATTRIBUTE} is negative (${VALUE}).`,
        `Is the part's value for ${ATTRIBUTE} negative?`,
        `Change the value of ${ATTRIBUTE} to a positive number.`,
      ),
      arenaAttributeRule('it only takes positive numbers'),
    ],
  }),
  ...pairedEntries(2007, 2025, {
    title: 'Too many values for a multi-select additional attribute',
    meaning: `The additional attribute ${ATTRIBUTE} is a multi-select list in Arena that takes at most {maxValues|the number in the message} values, and the part has more selected.`,
    // The page says {0} is the number of values being assigned; the message's own words make it the limit.
    message: (guid) => `The number of values for additional attribute "{1}"${guid ? ' (guid {2})' : ''} must not exceed "{0}".`,
    captures: (guid) => (guid ? ['maxValues', 'attribute', 'attributeGuid'] : ['maxValues', 'attribute']),
    causes: () => [
      fixValueInOnshape(
        'too-many-values',
        `The part has more than {maxValues|the allowed number of} values selected for ${ATTRIBUTE}.`,
        `Does the part have more than {maxValues|the allowed number of} values selected for ${ATTRIBUTE}?`,
        `Select at most {maxValues|the allowed number of} values for ${ATTRIBUTE}.`,
      ),
      arenaAttributeRule('it takes at most {maxValues|a limited number of} values'),
    ],
  }),
  ...pairedEntries(2006, 2024, {
    title: 'Too many decimal places for an additional attribute',
    meaning: `The additional attribute ${ATTRIBUTE} is a number with at most {decimals|the number in the message} decimal places, and the part's value ${VALUE} has more.`,
    message: (guid) =>
      guid
        ? 'The value "{0}" for additional attribute "{1}" (guid {2}) allows "{3}" decimal places.'
        : 'The value "{0}" for additional attribute "{1}" allows "{2}" decimal places.',
    captures: (guid) => (guid ? ['value', 'attribute', 'attributeGuid', 'decimals'] : ['value', 'attribute', 'decimals']),
    causes: () => [
      fixValueInOnshape(
        'too-many-decimals',
        `The part's value ${VALUE} for ${ATTRIBUTE} has more than {decimals|the allowed} decimal places.`,
        `Does the part's value for ${ATTRIBUTE} have more than {decimals|the allowed number of} decimal places?`,
        `Round the value of ${ATTRIBUTE} to {decimals|the allowed number of} decimal places.`,
      ),
      arenaAttributeRule('it allows only {decimals|a fixed number of} decimal places'),
    ],
  }),
  ...listValueEntries(2010, 2026, {
    title: "A value is not in a multi-select additional attribute's list",
    meaning: `The additional attribute ${ATTRIBUTE} is a multi-select list in Arena, and ${VALUE} is not one of its values.`,
    message: (guid) => `The specified value "{0}" is not a valid option for multi additional attribute "{1}"${guid ? ' (guid {2})' : ''}.`,
  }),
];

/** Two rows that differ only in whether the message also names the attribute's GUID. */
function pairedEntries(
  code: number,
  guidCode: number,
  spec: {
    title: string;
    meaning: string;
    message: (withGuid: boolean) => string;
    captures: (withGuid: boolean) => NonNullable<DocumentedMessage['captures']>;
    causes: () => KnowledgeCause[];
  },
): KnowledgeEntry[] {
  return [false, true].map((withGuid) =>
    itemEntry({
      code: withGuid ? guidCode : code,
      title: spec.title,
      meaning: withGuid ? `${spec.meaning}${WITH_GUID}` : spec.meaning,
      causes: spec.causes(),
      message: spec.message(withGuid),
      captures: spec.captures(withGuid),
    }),
  );
}

function listValueEntries(
  code: number,
  guidCode: number,
  spec: { title: string; meaning: string; message: (withGuid: boolean) => string },
): KnowledgeEntry[] {
  return pairedEntries(code, guidCode, {
    ...spec,
    captures: (guid) => (guid ? ['value', 'attribute', 'attributeGuid'] : ['value', 'attribute']),
    causes: () => [
      fixValueInOnshape(
        'value-not-in-list',
        `This part's value ${VALUE} for ${ATTRIBUTE} is not one of the values Arena's list offers.`,
        `Is ${VALUE} a value only this part has, perhaps mistyped?`,
        `Choose one of the values Arena's list for ${ATTRIBUTE} offers.`,
      ),
      VALUE_LISTS_DIFFER,
    ],
  });
}

function typedValueEntries(code: number, guidCode: number, type: 'Date' | 'Number'): KnowledgeEntry[] {
  const kind = type.toLowerCase();
  return pairedEntries(code, guidCode, {
    title: `A value is not a valid ${kind} for an additional attribute`,
    meaning: `The additional attribute ${ATTRIBUTE} is of ${type} type in Arena, and ${VALUE} is not a ${kind} in a form Arena accepts.`,
    message: (guid) => `The value "{0}" is not valid for additional attribute "{1}"${guid ? ' (guid {2})' : ''} of ${type} type.`,
    captures: (guid) => (guid ? ['value', 'attribute', 'attributeGuid'] : ['value', 'attribute']),
    causes: () => [
      fixValueInOnshape(
        `value-not-a-${kind}`,
        `This part's value ${VALUE} for ${ATTRIBUTE} is not a ${kind}${type === 'Date' ? ' or is written in a date format Arena does not accept' : ''}.`,
        `Is the part's value ${VALUE} for ${ATTRIBUTE} something other than a plain ${kind} (text, a placeholder, ${type === 'Date' ? 'a date in an unusual format' : 'a number with units'})?`,
        `Enter a plain ${kind} for ${ATTRIBUTE}.`,
      ),
      propertyTypeDiffers(type),
    ],
  });
}
