// zod schemas for every payload the renderer may send. The main process trusts nothing from the
// renderer: each payload is parsed here before any handler sees it, with the same field rules the
// wizard and the CLI use, so a rejection reads the same everywhere.
import { z } from 'zod';
import {
  apiUrlProblem,
  connectTimeoutProblem,
  emailProblem,
  proxyUrlProblem,
  MAX_EMAIL_LENGTH,
  MAX_SECRET_LENGTH,
} from '../../common/fields.js';
import type { DoctorMethod, PayloadOf } from '../../common/ipc/contract.js';
import { MAX_EXPLAIN_INPUT_CHARS } from '../../common/explanation.js';
import { MAX_INPUT_CHARS } from '../users/email-input.js';
import { DATA_CENTRE_IDS } from '../arena/data-centres.js';
import { HISTORY_ID_PATTERN } from '../history/schema.js';

const MAX_URL_LENGTH = 2048;
const MAX_TEXT_LENGTH = 20_000;
const MAX_TICKET_LENGTH = 64;

const ruled = (problem: (text: string) => string | null) => (text: string, context: z.RefinementCtx) => {
  const message = problem(text);
  if (message) context.addIssue({ code: 'custom', message });
};

const email = (what: string) =>
  z
    .string()
    .max(MAX_EMAIL_LENGTH)
    .superRefine(ruled((text) => emailProblem(text, what)));

export const connectionDetailsSchema = z.strictObject({
  dataCentre: z.enum([...DATA_CENTRE_IDS, 'custom']),
  apiUrl: z.string().max(MAX_URL_LENGTH).superRefine(ruled(apiUrlProblem)),
  workspaceId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  integrationEmail: email('integration user'),
  loginType: z.enum(['webtoken', 'password']),
  userEmail: email('Onshape user').nullable(),
});

const secretInputSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('typed'), value: z.string().min(1, 'The secret is empty.').max(MAX_SECRET_LENGTH) }),
  z.strictObject({ source: z.literal('remembered') }),
  z.strictObject({ source: z.literal('none') }),
]);

const answerSchema = z.enum(['yes', 'no', 'not-sure']);

const diagnosisPathSchema = z
  .array(
    z.strictObject({
      step: z.enum(['reach', 'login', 'authorize', 'logout']),
      diagnosisId: z.string().max(100),
      answers: z.array(z.strictObject({ causeId: z.string().max(100), question: z.string().max(1000), answer: answerSchema })).max(50),
      concludedCauseId: z.string().max(100).nullable(),
    }),
  )
  .max(10);

const supportTicketSchema = z
  .string()
  .trim()
  .max(MAX_TICKET_LENGTH)
  .regex(/^[\w .#/-]*$/, 'A support ticket number holds letters, digits, spaces and . # / - only.')
  .nullable()
  .transform((ticket) => (ticket === '' ? null : ticket));

const proxySettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({ mode: z.literal('manual'), url: z.string().max(MAX_URL_LENGTH).superRefine(ruled(proxyUrlProblem)) }),
]);

const copyFormatSchema = z.enum(['text', 'md']);

/** Seconds, as the wizard's field and the CLI's --connect-timeout take them; absent: the default. */
const connectTimeoutSchema = z
  .number('The connect limit must be a number of seconds.')
  .superRefine((seconds, context) => {
    const message = connectTimeoutProblem(seconds);
    if (message) context.addIssue({ code: 'custom', message });
  })
  .optional();

/** Where Arena is, for the reach step alone: the same rules as the details' data centre and address. */
const reachTargetSchema = z.strictObject({
  dataCentre: connectionDetailsSchema.shape.dataCentre,
  apiUrl: connectionDetailsSchema.shape.apiUrl,
});

const historyIdSchema = z.string().regex(HISTORY_ID_PATTERN, 'That is not an entry of the recent checks.');

const explainText = z
  .string()
  .max(MAX_EXPLAIN_INPUT_CHARS, `Paste at most ${MAX_EXPLAIN_INPUT_CHARS} characters: only the error message.`)
  .refine((text) => text.trim() !== '', 'Paste the error message Onshape shows first.');

const explainAnswersSchema = z
  .strictObject({
    diagnosisId: z.string().max(100),
    answers: z.array(z.strictObject({ causeId: z.string().max(100), question: z.string().max(1000), answer: answerSchema })).max(50),
    concludedCauseId: z.string().max(100).nullable(),
  })
  .nullable();

const explanationOutput = {
  text: explainText,
  chosenId: z.string().max(100).nullable(),
  answers: explainAnswersSchema,
  historyId: historyIdSchema.nullable(),
};

/** A pasted list of Onshape users or a file's text; main/users/email-input.ts reads it. */
const emailsTextSchema = z
  .string()
  .max(MAX_INPUT_CHARS, `The list is larger than ${MAX_INPUT_CHARS / 1024 / 1024} MB; split it, or keep only the email column.`);

const none = z.union([z.null(), z.undefined()]).transform(() => undefined);

export type PayloadSchema<M extends DoctorMethod> = z.ZodType<PayloadOf<M>, unknown>;

/** One schema per method; the type check keeps them in step with the contract. */
export const PAYLOAD_SCHEMAS: { [M in DoctorMethod]: PayloadSchema<M> } = {
  getStartup: none,
  listScenarios: none,
  cancelCheck: none,
  rememberedFor: connectionDetailsSchema,
  forgetSecrets: connectionDetailsSchema,
  runCheck: z.strictObject({
    details: connectionDetailsSchema,
    integrationSecret: secretInputSchema,
    userPassword: secretInputSchema,
    remember: z.boolean(),
    confirmedChange: z.boolean(),
    proxy: proxySettingSchema,
    connectTimeoutSeconds: connectTimeoutSchema,
  }),
  recheckUser: z.strictObject({
    details: connectionDetailsSchema.extend({ userEmail: email('Onshape user') }),
    integrationSecret: secretInputSchema,
    userPassword: secretInputSchema,
    remember: z.boolean(),
    proxy: proxySettingSchema,
    connectTimeoutSeconds: connectTimeoutSchema,
    userChangeConfirmed: z.boolean(),
  }),
  gateFor: z.strictObject({ details: connectionDetailsSchema, integrationSecret: secretInputSchema, userPassword: secretInputSchema }),
  runPractice: z.strictObject({ scenario: z.string().min(1).max(100) }),
  runReach: z.strictObject({ target: reachTargetSchema, proxy: proxySettingSchema, connectTimeoutSeconds: connectTimeoutSchema }),
  previewUsers: emailsTextSchema,
  runUsersCheck: z.strictObject({
    details: connectionDetailsSchema,
    integrationSecret: secretInputSchema,
    remember: z.boolean(),
    confirmedChange: z.boolean(),
    proxy: proxySettingSchema,
    connectTimeoutSeconds: connectTimeoutSchema,
    emailsText: emailsTextSchema,
  }),
  exportReport: z.strictObject({
    format: z.enum(['html', 'json', 'csv', 'md']),
    supportTicket: supportTicketSchema,
    diagnosisPath: diagnosisPathSchema,
    historyId: historyIdSchema.nullable(),
  }),
  copyReportSummary: z.strictObject({
    format: copyFormatSchema,
    supportTicket: supportTicketSchema,
    diagnosisPath: diagnosisPathSchema,
    historyId: historyIdSchema.nullable(),
  }),
  listHistory: none,
  clearHistory: none,
  openHistory: historyIdSchema,
  deleteHistory: historyIdSchema,
  copyText: z.string().min(1).max(MAX_TEXT_LENGTH),
  openExternal: z.string().max(MAX_URL_LENGTH),
  explainMessage: z.strictObject({ text: explainText }),
  exportExplanation: z.strictObject({ format: z.enum(['html', 'json', 'md']), ...explanationOutput }),
  copyExplanation: z.strictObject({ format: copyFormatSchema, ...explanationOutput }),
};

/** The first problem, as one plain sentence naming the field. Never echoes the rejected value. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not understood.';
  const path = issue.path.map((part) => fieldName(String(part)) ?? '(unnamed)').join('.');
  // zod's own words for an unknown key quote the key whole, and the key is renderer input like any value.
  const message = issue.code === 'unrecognized_keys' ? unexpectedKeys(issue.keys) : issue.message;
  const text = (path ? `${path}: ${message}` : message).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

const MAX_MESSAGE_LENGTH = 300;

/** A key that looks like a field name ("password", "extra_1", "0"), or null: anything else is not repeated. */
function fieldName(key: string): string | null {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(key) || /^\d{1,6}$/.test(key) ? key : null;
}

function unexpectedKeys(keys: readonly string[]): string {
  const named = keys.map(fieldName).filter((name): name is string => name !== null);
  const unnamed = keys.length - named.length;
  const parts = [...named.slice(0, 5).map((name) => `"${name}"`)];
  if (named.length > 5) parts.push(`${named.length - 5} more`);
  if (unnamed > 0) parts.push(unnamed === 1 ? 'one with a name that is not shown' : `${unnamed} with names that are not shown`);
  return `Unexpected ${keys.length === 1 ? 'field' : 'fields'}: ${parts.join(', ')}.`;
}
