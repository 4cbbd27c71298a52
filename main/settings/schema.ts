// The settings file's shape. Strict objects everywhere: an unknown key is rejected rather than kept, so
// nothing (a WebToken, a password) can ride along into the plain-text file. Field rules are the wizard's.
import { z } from 'zod';
import type { DataCentreId } from '../../common/check-report.js';
import type { SavedProfile } from '../../common/ipc/contract.js';
import { apiUrlProblem, connectTimeoutProblem, emailProblem, proxyUrlProblem, workspaceIdProblem } from '../../common/fields.js';

export const SETTINGS_VERSION = 1;
const MAX_HEADLINE_LENGTH = 1000;
const MAX_URL_LENGTH = 2048;

/** Turns a fields.ts rule (message or null) into a zod check with the same words. */
function rule<T>(problem: (value: T) => string | null) {
  return (value: T, context: z.core.$RefinementCtx<T>) => {
    const message = problem(value);
    if (message !== null) context.addIssue({ code: 'custom', message });
  };
}

const DATA_CENTRES = ['us', 'europe', 'uk', 'gov', 'cn', 'custom'] as const;

const detailsSchema = z.strictObject({
  dataCentre: z.enum(DATA_CENTRES),
  apiUrl: z.string().max(MAX_URL_LENGTH).superRefine(rule(apiUrlProblem)),
  workspaceId: z.number().superRefine(
    // A stored number has no text form to get wrong, so only fields.ts's range rule applies.
    rule((id: number) =>
      Number.isInteger(id) && id > 0 ? workspaceIdProblem(String(id)) : 'The workspace ID must be a positive whole number.',
    ),
  ),
  integrationEmail: z.string().superRefine(rule((text: string) => emailProblem(text, 'integration user'))),
  loginType: z.enum(['webtoken', 'password']),
  userEmail: z
    .string()
    .superRefine(rule((text: string) => emailProblem(text, 'Onshape user')))
    .nullable(),
});

const proxySchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({ mode: z.literal('manual'), url: z.string().max(MAX_URL_LENGTH).superRefine(rule(proxyUrlProblem)) }),
]);

const lastReportSchema = z.strictObject({
  createdAt: z.iso.datetime({ offset: true }),
  ok: z.boolean(),
  headline: z.string().max(MAX_HEADLINE_LENGTH),
});

export const savedProfileSchema = z.strictObject({
  details: detailsSchema,
  remember: z.boolean(),
  proxy: proxySchema,
  // Absent from a profile saved before the connect limit could be set: the default applies.
  connectTimeoutSeconds: z.number().superRefine(rule(connectTimeoutProblem)).exactOptional(),
  lastReport: lastReportSchema.nullable(),
});

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  profile: savedProfileSchema.nullable(),
});

// The schema must mirror the contract exactly, both ways: a drift in either fails the type check.
type Parsed = z.infer<typeof savedProfileSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsProfile: Same<Parsed, SavedProfile> = true;
const mirrorsDataCentres: Same<(typeof DATA_CENTRES)[number], DataCentreId | 'custom'> = true;
void mirrorsProfile;
void mirrorsDataCentres;

/** A key that looks like a field name is named; any other key (it could be anything the file held) is not. */
function keyLabel(key: string): string {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : '(a field whose name is not shown)';
}

function unexpected(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map(keyLabel);
  return `unexpected ${shown.join(', ')}${keys.length > 3 ? ` and ${keys.length - 3} more` : ''}`;
}

/** Where and what is wrong (the first problem, and how many more), never the value itself, in one line. */
export function describeIssues(error: z.ZodError): string {
  const [issue, ...rest] = error.issues;
  if (!issue) return 'the file: not understood';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
  const what = issue.code === 'unrecognized_keys' ? unexpected(issue.keys) : issue.message;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  return `${where}: ${what}${more}`.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
