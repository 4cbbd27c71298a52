// redact() over every string of a plain value (a report), keys included: the last sweep before a result is
// kept on disk, while the secrets of the check that produced it are still known. One implementation:
// redactValue in redact.ts.
export { redactValue as redactDeep } from './redact.js';
