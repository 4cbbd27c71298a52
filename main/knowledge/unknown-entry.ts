// The fallback for any code no other entry knows. diagnose() keeps Arena's own message beside it.
import { contactArenaSupport } from './shared-text.js';
import type { KnowledgeEntry } from './types.js';

export const UNKNOWN_ENTRY: KnowledgeEntry = {
  id: 'unknown',
  // Matches nothing by itself: findEntry() returns it when nothing else matches.
  match: { endpoints: 'any', codes: [] },
  title: 'Arena returned an error this tool does not know',
  meaning: "This failure is not in the tool's knowledge base. Arena's own message, shown with it, is the best description available.",
  causes: [
    {
      id: 'see-arena-message',
      summary: "The problem Arena's message describes.",
      question: "Does Arena's message point to something you can correct, such as a setting, an account or a permission?",
      questionReviewed: 'one-condition',
      fixSteps: [{ who: 'you', text: "Read Arena's message above, correct what it names, then check again." }],
    },
    {
      id: 'needs-arena-support',
      summary: 'A problem only Arena can explain.',
      question: "Is Arena's message unclear, or does it come back after you corrected what it names?",
      questionReviewed: 'one-condition',
      fixSteps: [
        contactArenaSupport("Open a case with Arena Support and include Arena's message word for word."),
        { who: 'you', text: 'Update Arena Connect Doctor: a newer version may know this failure.' },
      ],
    },
  ],
  recheck: 'after-change',
};
