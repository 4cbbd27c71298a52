// @ts-check
// `node --import ./bench/support/trace-register.mjs …`: records every module loaded into $BENCH_TRACE_FILE.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url, { data: { file: process.env.BENCH_TRACE_FILE } });
