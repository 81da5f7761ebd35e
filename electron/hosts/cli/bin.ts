#!/usr/bin/env node
/** The `apex-cert-fix` command: only calls the CLI's main, so tests can call main in-process. */
import { main } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`apex-cert-fix: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
