/**
 * `apex-cert-fix publisher FILE...`: who signed these programs (Authenticode), for helpdesk staff
 * who want to look at a file before trusting it. Exit 0 all trusted, 1 otherwise, 2 missing / not PE.
 * On Windows, Windows judges the roots, asked once for all files; when it gives no verdict the
 * built-in roots judge, and the output says why.
 */
import path from 'node:path';
import type { Parsed } from './args.js';
import { checkPublisher, type PublisherCheck } from '../../core/authenticode.js';
import { messages } from '../../core/messages.js';
import type { WindowsPlatform } from '../../platform/windows.js';

export async function publisherCommand(args: Parsed, say: (text: string) => void, windows: WindowsPlatform | null): Promise<number> {
  const m = messages(args.lang);
  const results = [];
  let code = 0;
  // Absolute paths: PowerShell must judge the very files read here, whatever its current folder.
  const verdicts = windows ? await windows.osSignatureStatuses(args.files.map((f) => path.resolve(f))) : null;
  for (const [i, file] of args.files.entries()) {
    let check: PublisherCheck | null = null;
    try {
      check = await checkPublisher(file, { osVerdict: verdicts?.[i] });
    } catch (e) {
      say(`${file}: ${m.osError((e as NodeJS.ErrnoException).code ?? String(e))}`);
      results.push({ file, error: (e as NodeJS.ErrnoException).code ?? String(e) });
      code = 2;
      continue;
    }
    const osStatus = check.osStatus;
    results.push(check);
    if (!check.isPe) code = 2;
    else if (check.outcome !== 'trusted' && code === 0) code = 1;
    const first = check.signatures[0];
    say(`${file}: ${check.outcome} — ${check.isPe ? m.publisher[check.outcome] : m.label.notPe}${osStatus ? ` [Windows: ${osStatus}]` : ''}`);
    for (const s of check.signatures) {
      say(`  ${s.signer?.subject ?? '-'} / ${s.signer?.issuer ?? '-'} · ${s.digestAlgorithm} · digest ${s.digestMatched ? 'ok' : 'MISMATCH'} · signature ${s.signatureValid ? 'ok' : 'INVALID'}${s.nested.length ? ` · +${s.nested.length} nested` : ''}`);
    }
    if (check.problem && (check.outcome !== 'trusted' || !first)) say(`  ${check.problem}`);
    if (check.osUnavailable) say(`  ${m.rootsInstead(check.osUnavailable)}`);
  }
  if (args.json) process.stdout.write(JSON.stringify({ schemaVersion: 1, mode: 'publisher', files: results }, null, 2) + '\n');
  return code;
}
