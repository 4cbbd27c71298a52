// The history file's shape (<userData>/history.json). Strict objects everywhere, as in settings.json: an
// unknown key is rejected rather than kept, so nothing can ride along into the file unnoticed. Each entry
// is tagged with its kind: a check's report, or an explained message's.
import { z } from 'zod';
import type { CheckReport, ReachReport } from '../../common/check-report.js';
import { MAX_EXPLAIN_INPUT_CHARS, type ExplanationReport } from '../../common/explanation.js';
import type { HistoryEntry } from '../../common/ipc/contract.js';

export const HISTORY_VERSION = 1;
/** The newest results kept; older ones drop off as new ones arrive. */
export const HISTORY_LIMIT = 50;
/** 50 reports take well under 2 MiB; anything far larger is not a file this app wrote. */
export const MAX_HISTORY_FILE_BYTES = 8 * 1024 * 1024;

const text = (max = 20_000) => z.string().max(max);
const nullableText = (max = 20_000) => text(max).nullable();
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const millis = z
  .number()
  .nonnegative()
  .max(86_400_000 * 30);

const budgetSchema = z.strictObject({ limit: count.nullable(), remaining: count.nullable(), resetsAt: nullableText(200) });

const timingsSchema = z.strictObject({
  dnsMs: millis.nullable(),
  connectMs: millis.nullable(),
  tlsMs: millis.nullable(),
  firstByteMs: millis.nullable(),
  totalMs: millis,
});

const actorSchema = z.enum(['arena-admin', 'arena-support', 'onshape-user', 'onshape-admin', 'network-admin', 'you']);

const causeSchema = z.strictObject({
  id: text(200),
  summary: text(),
  question: text(),
  fixSteps: z.array(z.strictObject({ text: text(), uiPath: text(1000).exactOptional(), who: actorSchema })).max(50),
  answered: z.strictObject({ answer: z.enum(['yes', 'no', 'not-sure']), evidence: text(1000) }).exactOptional(),
});

const diagnosisSchema = z.strictObject({
  id: text(200),
  title: text(1000),
  meaning: text(),
  causes: z.array(causeSchema).max(50),
  recheck: z.enum(['now', 'wait-five-minutes', 'after-change']),
  facts: z.record(text(200), text()),
  arenaMessage: nullableText(),
});

const stepNameSchema = z.enum(['reach', 'login', 'authorize', 'users', 'logout']);

const certificateSchema = z.strictObject({
  subject: text(2000),
  issuer: text(2000),
  issuerOrganization: nullableText(500),
  issuerCommonName: nullableText(500),
  validFrom: nullableText(100),
  validTo: nullableText(100),
  nameMatches: z.boolean(),
  chainLength: count,
});

const reachNetworkSchema = z.strictObject({
  addresses: z.array(text(100)).max(100),
  addressUsed: nullableText(100),
  proxy: nullableText(2048),
  // Absent from entries kept before the field existed.
  route: z
    .strictObject({
      via: z.enum(['direct', 'system-proxy', 'explicit-proxy']),
      reason: z.enum([
        'chosen-direct',
        'nothing-set',
        'no-proxy-match',
        'loopback',
        'system-direct',
        'system-unreadable',
        'chosen-proxy',
        'environment-proxy',
        'system-proxy',
      ]),
    })
    .nullable()
    .default(null),
  phases: z.strictObject({
    dnsMs: millis.nullable(),
    connectMs: millis.nullable(),
    tlsMs: millis.nullable(),
    firstByteMs: millis.nullable(),
  }),
  certificate: certificateSchema.nullable(),
  clockOffsetSeconds: z
    .number()
    .int()
    .min(-(10 ** 10))
    .max(10 ** 10)
    .nullable(),
  findings: z.array(z.strictObject({ id: text(200), text: text() })).max(20),
});

const stepSchema = z.strictObject({
  step: stepNameSchema,
  endpoint: z.enum(['POST /login', 'POST /login/authorizeuser', 'GET /settings/users', 'PUT /logout']),
  url: text(4096),
  outcome: z.enum(['passed', 'failed', 'skipped']),
  httpStatus: z.number().int().min(100).max(999).nullable(),
  errorCode: z.union([z.number().int(), text(200)]).nullable(),
  message: nullableText(),
  durationMs: millis,
  timings: timingsSchema.nullable(),
  budget: budgetSchema.nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  serverDate: nullableText(200),
  skippedReason: nullableText(1000),
  bodyExcerpt: nullableText(),
  // Absent from entries kept before the field existed.
  pageTitle: nullableText(1000).default(null),
  diagnosis: diagnosisSchema.nullable(),
  network: reachNetworkSchema.exactOptional(),
});

const targetSchema = z.strictObject({
  dataCentre: z.enum(['us', 'europe', 'uk', 'gov', 'cn', 'custom']),
  apiUrl: text(2048),
  workspaceId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  integrationEmail: text(320),
  loginType: z.enum(['webtoken', 'password']),
  userEmail: text(320).nullable(),
});

const pathEntrySchema = z.strictObject({
  step: stepNameSchema,
  diagnosisId: text(200),
  answers: z.array(z.strictObject({ causeId: text(200), question: text(), answer: z.enum(['yes', 'no', 'not-sure']) })).max(50),
  concludedCauseId: nullableText(200),
});

export const checkReportSchema = z.strictObject({
  tool: z.strictObject({ name: text(200), version: text(100) }),
  runtime: z.strictObject({ node: text(100), platform: text(100), arch: text(100), electron: nullableText(100) }),
  createdAt: z.iso.datetime({ offset: true }),
  target: targetSchema,
  ok: z.boolean(),
  workspaceName: nullableText(1000),
  budget: budgetSchema.nullable(),
  steps: z.array(stepSchema).max(10),
  practiceScenario: nullableText(100),
  supportTicket: nullableText(64),
  diagnosisPath: z.array(pathEntrySchema).max(10),
});

/** "Test the network only": the reach step alone; its target names where Arena is and nothing else. */
export const reachReportSchema = z.strictObject({
  tool: z.strictObject({ name: text(200), version: text(100) }),
  runtime: z.strictObject({ node: text(100), platform: text(100), arch: text(100), electron: nullableText(100) }),
  createdAt: z.iso.datetime({ offset: true }),
  target: targetSchema.pick({ dataCentre: true, apiUrl: true }),
  ok: z.boolean(),
  steps: z.array(stepSchema).max(1),
  supportTicket: nullableText(64).optional(),
  diagnosisPath: z.array(pathEntrySchema).max(10).optional(),
});

const answerSchema = z.enum(['yes', 'no', 'not-sure']);

const explainCandidateSchema = z.strictObject({
  endpoint: text(200),
  code: z.number().int(),
  id: text(200),
  title: text(1000),
  facts: z.record(text(200), text()),
  stage: text(1000),
  matchedBy: z.enum(['message', 'code']),
});

/** An explained message as its export holds it (common/explanation.ts): the text explained, masked as shown. */
export const explanationReportSchema = z.strictObject({
  tool: z.strictObject({ name: text(200), version: text(100) }),
  createdAt: z.iso.datetime({ offset: true }),
  explanation: z.strictObject({
    recognized: z.boolean(),
    input: text(MAX_EXPLAIN_INPUT_CHARS),
    candidates: z.array(explainCandidateSchema).max(100),
    diagnoses: z.array(diagnosisSchema).max(100),
    question: z
      .strictObject({
        text: text(1000),
        options: z.array(z.strictObject({ candidateId: text(200), label: text(1000) })).max(100),
      })
      .nullable(),
  }),
  chosenId: nullableText(200),
  answers: z
    .strictObject({
      diagnosisId: text(200),
      answers: z.array(z.strictObject({ causeId: text(200), question: text(), answer: answerSchema })).max(50),
      concludedCauseId: nullableText(200),
    })
    .nullable(),
});

/** The ids the store gives its entries (random, base64url); the IPC schema accepts only these too. */
export const HISTORY_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const entryId = z.string().regex(HISTORY_ID_PATTERN);

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: entryId, kind: z.literal('check'), report: checkReportSchema }),
  z.strictObject({ id: entryId, kind: z.literal('explain'), report: explanationReportSchema }),
  z.strictObject({ id: entryId, kind: z.literal('reach'), report: reachReportSchema }),
]);

export const historyFileSchema = z.strictObject({
  version: z.literal(HISTORY_VERSION),
  entries: z.array(historyEntrySchema).max(HISTORY_LIMIT),
});

export type HistoryFile = z.infer<typeof historyFileSchema>;

// The schema must mirror the shared types exactly, both ways: a drift in either fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsReport: Same<z.infer<typeof checkReportSchema>, CheckReport> = true;
const mirrorsExplanation: Same<z.infer<typeof explanationReportSchema>, ExplanationReport> = true;
const mirrorsEntry: Same<z.infer<typeof historyEntrySchema>, HistoryEntry> = true;
const mirrorsReach: Same<z.infer<typeof reachReportSchema>, ReachReport> = true;
void mirrorsReach;
void mirrorsReport;
void mirrorsExplanation;
void mirrorsEntry;
