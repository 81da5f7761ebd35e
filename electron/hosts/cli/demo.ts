#!/usr/bin/env node
/**
 * `npm run demo:cli`: builds a training world of its own (PC, server, USB stick), then runs the real
 * CLI against it, typing the demo unload password into --password-stdin as a script would.
 */
import { execa } from 'execa';
import path from 'node:path';
import { packageRoot } from '../../base/package-root.js';
import { createDemo, DEMO_PASSWORD } from '../../simulation/demo.js';
import { langFrom } from './args.js';
import { messages } from '../../core/messages.js';

const demo = await createDemo();
const cli = path.join(packageRoot(), 'dist', 'electron', 'hosts', 'cli', 'bin.js');
// The training IpXfer is a script, not Trend Micro's signed program: run knowingly.
const args = ['fix', '--simulate', demo.profile, '--source', '\\\\APEXSRV', '--password-stdin', '--allow-unverified-publisher', '--reports-dir', path.join(demo.folder, 'reports'), ...process.argv.slice(2)];
process.stdout.write(`> apex-cert-fix ${args.map((a) => (/[\s\\]/.test(a) ? `"${a}"` : a)).join(' ')}   ${messages(langFrom(process.argv.slice(2))).cli.demoPassword(DEMO_PASSWORD)}\n\n`);
const run = await execa(process.execPath, [cli, ...args], { input: DEMO_PASSWORD + '\n', stdout: 'inherit', stderr: 'inherit', reject: false });
process.exitCode = run.exitCode ?? 1;
