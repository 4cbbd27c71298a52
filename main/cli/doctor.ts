#!/usr/bin/env node
// Entry point of `npm run doctor`: runs one command and sets the exit code.
import { EXIT, main } from './commands.js';

main(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    // One line, never a stack trace: the message of an internal fault is enough to report it.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`doctor: internal error: ${message.split('\n')[0] ?? ''}\n`);
    process.exitCode = EXIT.internal;
  });
