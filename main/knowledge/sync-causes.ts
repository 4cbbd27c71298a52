// Causes and fix steps shared by several sync tables (items, files, BOMs): one wording for each.
import { UI, contactArenaSupport } from './shared-text.js';
import type { FixStep, KnowledgeCause } from './types.js';

/** The last step of most sync fixes: Onshape sends the request again. */
export const SYNC_AGAIN: FixStep = {
  who: 'onshape-user',
  text: 'Sync the part (or release it) to Arena again from Onshape once the change is made.',
};

/**
 * The Onshape user's own Arena account (the authorized user) lacks something the request needs. Arena's
 * pages list the same four gaps for creating items and adding files; `what` names the action.
 */
export function privilegeCauses(what: string): KnowledgeCause[] {
  const tryInArena: FixStep = {
    who: 'onshape-user',
    text: `Sign in to the Arena web app as yourself and try ${what} there by hand: if Arena refuses, the account lacks the permission; if it works, tell the Arena administrator which step of the sync failed.`,
  };
  return [
    {
      id: 'no-full-license',
      summary: "The Onshape user's Arena account does not have a Full License.",
      question: "Does the Onshape user's employee record in Arena show a licence other than Full License?",
      fixSteps: [
        { who: 'arena-admin', text: "Give the Onshape user's Arena account a Full License (one must be free).", uiPath: UI.employee },
        tryInArena,
      ],
    },
    {
      id: 'no-item-policy',
      summary: 'The account lacks an access policy rule granting Item Read & Write.',
      question: 'Is the Onshape user missing from every access policy that grants Item Read & Write?',
      fixSteps: [
        { who: 'arena-admin', text: 'Add the Onshape user to an access policy that grants Item Read & Write.', uiPath: UI.accessPolicies },
        tryInArena,
      ],
    },
    {
      id: 'no-file-policy',
      summary: 'The account lacks an access policy rule granting File Read & Write (Read & Edit).',
      question: 'Is the Onshape user missing from every access policy that grants File Read & Write?',
      fixSteps: [
        { who: 'arena-admin', text: 'Add the Onshape user to an access policy that grants File Read & Write.', uiPath: UI.accessPolicies },
        tryInArena,
      ],
    },
    {
      id: 'prohibited-by-policy',
      summary: 'An access policy prohibits the account from this kind of item: by its category, procurement type or lifecycle phase.',
      question: 'Does the failure happen only for parts of one category, procurement type or lifecycle phase?',
      questionReviewed: 'one-condition',
      fixSteps: [
        {
          who: 'arena-admin',
          text: 'Look for an access policy rule that prohibits this category, procurement type or lifecycle phase for the Onshape user, and narrow or remove it.',
          uiPath: UI.accessPolicies,
        },
        tryInArena,
      ],
    },
  ];
}

/**
 * The item's working revision is on a change (submitted, or approved and not yet effective), so Arena
 * locks its files or BOM. Arena's pages give this as 3034, 3066 and 3237.
 */
export function lockedByChange(section: 'Files' | 'Bill of Materials', id = 'working-revision-on-change'): KnowledgeCause {
  return {
    id,
    summary: `The item's working revision is on a change that is submitted for approval, or approved and waiting to take effect, so Arena locks its ${section} section.`,
    question: `Does the item in Arena show lock icons in its ${section} section, or list an open change on its Changes tab?`,
    questionReviewed: 'one-condition',
    fixSteps: [
      {
        who: 'arena-admin',
        text: 'Find the change the item is on; either let it take effect (then the item has a new working revision), or withdraw the item from the change if this update must go in first.',
        uiPath: UI.itemChanges,
      },
      SYNC_AGAIN,
    ],
  };
}

/** The text Arena Support asks for when an error has no explanation (Arena's unknown-errors page). */
export function reportIncident(what: string): FixStep {
  return contactArenaSupport(
    `${what} Tell them the date and time it happened, what was being done in Onshape just before, and how many times it has happened.`,
  );
}
