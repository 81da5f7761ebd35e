/**
 * Every error a repair can stop with, worded in both languages from realistic facts: a user reads a
 * whole sentence (never "undefined", "[object Object]" or "NaN"), in their language, that names the
 * file, folder, server, service or program it is about, with OS error codes in words. The same for
 * every outcome, verdict, check, evidence, reason and note a report or the wizard shows.
 */
import { describe, expect, it } from 'vitest';
import { categoryOf, FixError, type ErrorCode, type ErrorDetails, type TriedPlace } from '../../electron/core/errors.js';
import { messages, type Lang } from '../../electron/core/messages.js';
import type { Outcome } from '../../electron/core/outcome.js';
import { EXIT_CODE, outcomeOf } from '../../electron/core/outcome.js';

const LANGS: Lang[] = ['en', 'ja'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const SHARE = '\\\\srv-apex01\\ofcscan';
const PCCSRV = '\\\\srv-apex01\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV';
const IPXFER_DIR = `${PCCSRV}\\Admin\\Utility\\IpXfer`;
const WORK = 'C:\\Users\\helpdesk\\AppData\\Local\\Temp\\apex-cert-fix-20260302-091500';

/** Every place result, so every "Places checked" line is worded. */
const TRIED: TriedPlace[] = [
  { path: SHARE, result: 'not-a-server-folder' },
  { path: PCCSRV, result: 'incomplete' },
  { path: '\\\\srv-apex01\\c$\\Apex One\\PCCSRV', result: 'not-found' },
  { path: '\\\\srv-apex01\\d$', result: 'no-access' },
  { path: '\\\\srv-old\\ofcscan', result: 'unreachable' },
  { path: 'Z:\\PCCSRV', result: 'mapped-drive' },
  { path: 'E:\\ApexCertFix-kit', result: 'kit' },
  { path: 'D:\\PCCSRV', result: 'server-folder' },
];

/**
 * Realistic facts for every error code (a missing code does not compile), with the variants whose
 * words differ: a signal or none, IpXfer's last lines or none, services down or none, a known or
 * unknown OS error / operation / publisher outcome.
 */
const ERRORS: { [C in ErrorCode]: Extract<ErrorDetails, { code: C }>[] } = {
  'source-empty': [{ code: 'source-empty' }],
  'source-not-found': [{ code: 'source-not-found', input: '\\\\srv-apex01', tried: TRIED }],
  'source-unreadable': [
    { code: 'source-unreadable', path: SHARE, reason: 'EACCES' },
    { code: 'source-unreadable', path: SHARE, reason: 'ETIMEDOUT' },
  ],
  'certificate-missing': [{ code: 'certificate-missing', expected: `${PCCSRV}\\Pccnt\\Common\\OfcNTCer.dat`, tried: TRIED.slice(0, 3) }],
  'certificate-invalid': [
    { code: 'certificate-invalid', path: `${SHARE}\\Pccnt\\Common\\OfcNTCer.dat`, reason: 'empty' },
    { code: 'certificate-invalid', path: 'E:\\ApexCertFix-kit\\OfcNTCer.dat', reason: 'not-certificate' },
  ],
  'ipxfer-missing': [{ code: 'ipxfer-missing', name: 'IpXfer_x64.exe', folder: IPXFER_DIR, tried: [{ path: IPXFER_DIR, result: 'not-found' }] }],
  'datfhs-missing': [{ code: 'datfhs-missing', name: 'TmDatFHS64.dll', folder: IPXFER_DIR, build: 12526 }],
  'option-invalid': [{ code: 'option-invalid', option: '--timeout', value: 'ten', expected: 'a whole number of seconds from 10 to 3600' }],
  'option-unknown': [
    { code: 'option-unknown', option: '--sourc', suggestion: '--source' },
    { code: 'option-unknown', option: '--frobnicate', suggestion: null },
  ],
  'option-value-missing': [{ code: 'option-value-missing', option: '--lang' }],
  'profile-invalid': [{ code: 'profile-invalid', file: 'C:\\training\\profile.json', problem: 'arch must be x86, x64 or arm64' }],
  'work-dir-failed': [
    { code: 'work-dir-failed', path: 'C:\\Windows\\System32', reason: 'EACCES' },
    { code: 'work-dir-failed', path: 'R:\\', reason: 'EROFS' },
  ],
  'copy-failed': [
    { code: 'copy-failed', file: 'IpXfer_x64.exe', reason: 'ENOSPC' },
    { code: 'copy-failed', file: 'OfcNTCer.dat', reason: 'EBUSY' },
  ],
  'copy-mismatch': [{ code: 'copy-mismatch', file: 'TmDatFHS64.dll' }],
  'not-windows': [{ code: 'not-windows' }],
  'unsupported-os': [{ code: 'unsupported-os' }],
  'not-elevated': [{ code: 'not-elevated' }],
  'no-agent': [{ code: 'no-agent' }],
  'ipxfer-start-failed': [
    { code: 'ipxfer-start-failed', executable: `${WORK}\\IpXfer_x64.exe`, reason: 'EPERM' },
    { code: 'ipxfer-start-failed', executable: `${WORK}\\IpXfer_x64.exe`, reason: 'UNKNOWN' },
  ],
  'ipxfer-exit': [
    { code: 'ipxfer-exit', exitCode: 3, signal: null, lastLines: ['Unload password is incorrect.', 'Please check the password.'] },
    { code: 'ipxfer-exit', exitCode: 1, signal: 'SIGTERM', lastLines: [] },
  ],
  'not-fixed': [
    { code: 'not-fixed', lastLines: ['Import certificate ... done'] },
    { code: 'not-fixed', lastLines: [] },
  ],
  'not-verified': [
    { code: 'not-verified', lastLines: ['Restart services ...'], servicesDown: ['ntrtscan', 'tmlisten'] },
    { code: 'not-verified', lastLines: [], servicesDown: [] },
  ],
  timeout: [
    { code: 'timeout', seconds: 300, servicesDown: ['tmlisten'] },
    { code: 'timeout', seconds: 120, servicesDown: [] },
  ],
  // Services are only ever named after a cancel that stopped a running IpXfer.
  cancelled: [{ code: 'cancelled' }, { code: 'cancelled', servicesDown: ['ntrtscan'], ipxferStopped: true }],
  'step-order': [
    { code: 'step-order', step: 'run', needs: 'collect' },
    { code: 'step-order', step: 'collect', needs: 'source' },
    { code: 'step-order', step: 'verify', needs: 'run' },
  ],
  'kit-invalid': [
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'bad-field', field: 'files.1.sha256' },
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'not-json' },
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'unreadable', field: null },
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'not-object' },
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'not-a-kit' },
    { code: 'kit-invalid', file: 'E:\\ApexCertFix-kit\\kit.json', problem: 'too-large' },
  ],
  'kit-newer': [{ code: 'kit-newer', file: 'E:\\ApexCertFix-kit\\kit.json', version: 3, supported: 1 }],
  'kit-file-missing': [{ code: 'kit-file-missing', file: 'x64\\IpXfer_x64.exe' }],
  'kit-file-changed': [{ code: 'kit-file-changed', file: 'OfcNTCer.dat' }],
  'certmanager-missing': [{ code: 'certmanager-missing', tried: [{ path: 'C:\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV\\CertificateManager.exe', result: 'not-found' }] }],
  'certmanager-failed': [
    { code: 'certmanager-failed', executable: 'C:\\PCCSRV\\CertificateManager.exe', exitCode: 2, reason: 'no-list' },
    { code: 'certmanager-failed', executable: 'C:\\PCCSRV\\CertificateManager.exe', exitCode: null, reason: 'empty-list' },
    { code: 'certmanager-failed', executable: 'C:\\PCCSRV\\CertificateManager.exe', exitCode: 5, reason: 'EACCES' },
  ],
  'publisher-untrusted': [
    {
      code: 'publisher-untrusted',
      files: [
        { name: 'IpXfer_x64.exe', outcome: 'other-signer', signer: 'Contoso Ltd' },
        { name: 'TmDatFHS64.dll', outcome: 'unsigned', signer: null },
        { name: 'IpXfer.exe', outcome: 'a-newer-outcome', signer: null },
      ],
    },
    { code: 'publisher-untrusted', files: [{ name: 'IpXfer_x64.exe', outcome: 'damaged', signer: null }] },
  ],
  busy: [
    { code: 'busy', running: 'collect' },
    { code: 'busy', running: 'some-future-operation' },
    { code: 'busy', running: 'pc', holder: { pid: 4711, since: '2026-12-03T10:42:00.000Z' } },
    { code: 'busy', running: 'pc', holder: null },
  ],
  'copy-changed': [
    { code: 'copy-changed', file: 'IpXfer_x64.exe' },
    { code: 'copy-changed', file: 'E:\\ApexCertFix-kit\\IpXfer_x64.exe', kit: true },
  ],
  'server-mismatch': [
    { code: 'server-mismatch', source: 'apex-old', agent: 'apexsrv01.corp.example', unknown: false },
    { code: 'server-mismatch', source: '10.0.0.9', agent: 'apexsrv01', unknown: true },
    { code: 'server-mismatch', source: 'apexsrv01', agent: null, unknown: true },
  ],
  'work-dir-unsafe': [
    { code: 'work-dir-unsafe', path: 'C:\\ProgramData\\ApexCertFix', problem: 'symlink' },
    { code: 'work-dir-unsafe', path: 'C:\\ProgramData\\ApexCertFix\\work', problem: 'acl' },
  ],
  'work-dir-unexpected': [{ code: 'work-dir-unexpected', folder: 'C:\\ProgramData\\ApexCertFix\\work\\20261203-104200-ab12', files: ['VERSION.dll'] }],
  'services-start-failed': [{ code: 'services-start-failed', services: ['ntrtscan', 'tmlisten'] }],
  internal: [{ code: 'internal', message: 'TypeError: cannot read the agent folder' }],
};

const ALL: ErrorDetails[] = Object.values(ERRORS).flat();

/** The facts a user must find in the message: every file, folder, program, service, input, value and place. */
function namedIn(d: ErrorDetails): string[] {
  const out: string[] = [];
  const o = d as unknown as Record<string, unknown>;
  for (const key of ['input', 'path', 'expected', 'name', 'folder', 'file', 'executable', 'option', 'value', 'message']) {
    if (typeof o[key] === 'string') out.push(o[key] as string);
  }
  for (const key of ['build', 'seconds', 'exitCode', 'version', 'supported']) if (typeof o[key] === 'number') out.push(String(o[key]));
  if (Array.isArray(o.tried)) out.push(...(o.tried as TriedPlace[]).map((t) => t.path));
  if (Array.isArray(o.servicesDown)) out.push(...(o.servicesDown as string[]));
  if (Array.isArray(o.services)) out.push(...(o.services as string[]));
  // A quoted line keeps its words; Japanese drops its one final stop inside 「」 (glossary R6: never 「…。」。).
  if (Array.isArray(o.lastLines)) out.push(...(o.lastLines as string[]).map((l) => l.replace(/[。.]$/, '')));
  if (Array.isArray(o.files)) for (const f of o.files as ({ name: string; signer: string | null } | string)[]) out.push(...(typeof f === 'string' ? [f] : [f.name, ...(f.signer ? [f.signer] : [])]));
  if (o.holder && typeof o.holder === 'object') out.push(String((o.holder as { pid: number }).pid));
  if (typeof o.field === 'string') out.push(o.field);
  if (typeof o.signal === 'string') out.push(o.signal);
  return out;
}

/** What any text a person reads must not contain. */
function expectReadable(text: string, lang: Lang, what: string): void {
  expect(text.trim(), what).not.toBe('');
  expect(text, what).not.toMatch(/undefined|\[object Object\]|NaN|null\b/);
  if (lang === 'ja') expect(text, what).toMatch(JAPANESE);
  else expect(text, what).not.toMatch(JAPANESE);
}

describe('every error code, worded in both languages', () => {
  it('has realistic facts for every code of errors.ts, each with its category and exit code', () => {
    for (const d of ALL) {
      const e = new FixError(d);
      expect(e.code).toBe(d.code);
      expect(e.category).toBe(categoryOf(d.code));
      expect(EXIT_CODE[outcomeOf(e.category)], d.code).toBeGreaterThan(0);
    }
    // Input a user can correct stops with exit 2; a PC not ready with 3; a failed run with 1.
    expect(EXIT_CODE[outcomeOf(categoryOf('source-not-found'))]).toBe(2);
    expect(EXIT_CODE[outcomeOf(categoryOf('not-elevated'))]).toBe(3);
    expect(EXIT_CODE[outcomeOf(categoryOf('ipxfer-exit'))]).toBe(1);
    expect(EXIT_CODE[outcomeOf(categoryOf('timeout'))]).toBe(4);
    expect(EXIT_CODE[outcomeOf(categoryOf('not-verified'))]).toBe(5);
  });

  for (const lang of LANGS) {
    it(`${lang}: a readable sentence naming every file, folder, program, service and value it is about`, () => {
      const m = messages(lang);
      for (const d of ALL) {
        const text = m.error(d);
        const what = `${lang} ${JSON.stringify(d)}`;
        expectReadable(text, lang, what);
        for (const fact of namedIn(d)) expect(text, `${what} names ${fact}`).toContain(fact);
      }
    });

    it(`${lang}: every place checked is listed on its own line with what was found there`, () => {
      const m = messages(lang);
      const text = m.error({ code: 'source-not-found', input: '\\\\srv-apex01', tried: TRIED });
      for (const t of TRIED) expect(text).toContain(`\n  - ${t.path}: ${m.tried[t.result]}`);
      // Each result has its own words: a user can tell "access denied" from "not found".
      expect(new Set(TRIED.map((t) => m.tried[t.result])).size).toBe(TRIED.length);
    });

    it(`${lang}: OS error codes are put in words and keep the code for the ticket; an unknown code is labelled as the OS's`, () => {
      const m = messages(lang);
      for (const code of ['EACCES', 'EPERM', 'ENOENT', 'EBUSY', 'ENOSPC', 'EEXIST', 'EROFS']) {
        const worded = m.osError(code);
        expect(worded).toContain(code);
        expect(worded.length).toBeGreaterThan(code.length + 3);
        expectReadable(worded, lang, code);
      }
      expect(m.osError('ETIMEDOUT')).toBe(lang === 'ja' ? 'OSのエラー（ETIMEDOUT）' : 'OS error (ETIMEDOUT)');
      expect(m.osError('EACCES')).toBe(lang === 'ja' ? 'アクセスが拒否されました（EACCES）' : 'access denied (EACCES)');
      expect(m.error({ code: 'work-dir-failed', path: 'R:\\', reason: 'EROFS' })).toContain(m.osError('EROFS'));
    });
  }

  it('the languages differ where they should and agree on the facts: the same code, the same facts, different words', () => {
    for (const d of ALL) {
      const en = messages('en').error(d);
      const ja = messages('ja').error(d);
      expect(ja, d.code).not.toBe(en);
      for (const fact of namedIn(d)) {
        expect(en.includes(fact), `${d.code} en ${fact}`).toBe(true);
        expect(ja.includes(fact), `${d.code} ja ${fact}`).toBe(true);
      }
    }
  });

  it('IpXfer\'s last lines are quoted, a signal is named, and an empty output adds nothing', () => {
    const en = messages('en');
    expect(en.error({ code: 'ipxfer-exit', exitCode: 3, signal: null, lastLines: ['a', 'b'] })).toContain('IpXfer said: "a" / "b".');
    expect(en.error({ code: 'ipxfer-exit', exitCode: 1, signal: 'SIGTERM', lastLines: [] })).toContain('code 1 (SIGTERM)');
    expect(en.error({ code: 'ipxfer-exit', exitCode: 1, signal: null, lastLines: [] })).not.toContain('said');
    expect(messages('ja').error({ code: 'not-fixed', lastLines: ['a'] })).toContain('IpXferの出力: 「a」。');
  });

  it('services left stopped are named with the command that starts them; none named when none are down', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      const down = m.error({ code: 'timeout', seconds: 300, servicesDown: ['ntrtscan', 'tmlisten'] });
      expect(down).toContain('net start ntrtscan');
      expect(down).toContain('net start tmlisten');
      expect(m.error({ code: 'timeout', seconds: 300, servicesDown: [] })).not.toContain('net start');
      expect(m.error({ code: 'cancelled' })).not.toContain('net start');
      // A cancel before anything ran never claims that IpXfer was stopped.
      expect(m.error({ code: 'cancelled' })).not.toMatch(/IpXfer was stopped|IpXferを停止/);
      expect(m.error({ code: 'cancelled', servicesDown: ['ntrtscan'], ipxferStopped: true })).toContain('net start ntrtscan');
      expect(m.error({ code: 'services-start-failed', services: ['ntrtscan', 'tmlisten'] })).toContain('net start ntrtscan');
    }
  });

  it('a busy operation is named in words; one this version does not know is shown as it is', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      for (const op of Object.keys(m.operation) as (keyof typeof m.operation)[]) {
        expect(m.error({ code: 'busy', running: op })).toContain(m.operation[op]);
      }
      expect(m.error({ code: 'busy', running: 'some-future-operation' })).toContain('some-future-operation');
    }
  });

  it('a step asked for too early names the step needed first and the step asked for', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      const text = m.error({ code: 'step-order', step: 'run', needs: 'collect' });
      expect(text).toContain(m.step.collect);
      expect(text).toContain(m.step.run);
    }
  });

  it('CertificateManager\'s failure says its exit code (when it has one) and why there is no list', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      const noList = m.error({ code: 'certmanager-failed', executable: 'C:\\CM.exe', exitCode: 2, reason: 'no-list' });
      expect(noList).toContain(m.listProblem['no-list']);
      expect(noList).toContain('2');
      const empty = m.error({ code: 'certmanager-failed', executable: 'C:\\CM.exe', exitCode: null, reason: 'empty-list' });
      expect(empty).toContain(m.listProblem['empty-list']);
      expect(empty).not.toMatch(lang === 'en' ? /exit code/ : /終了コード/);
      expect(m.error({ code: 'certmanager-failed', executable: 'C:\\CM.exe', exitCode: 5, reason: 'EACCES' })).toContain('EACCES');
    }
  });

  it('a publisher refusal says for each program what is wrong with its signature, and who signed it', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      for (const outcome of Object.keys(m.publisher) as (keyof typeof m.publisher)[]) {
        const text = m.error({ code: 'publisher-untrusted', files: [{ name: 'IpXfer_x64.exe', outcome, signer: outcome === 'other-signer' ? 'Contoso Ltd' : null }] });
        expect(text, `${lang} ${outcome}`).toContain(m.publisher[outcome]);
        expect(text).toContain('--allow-unverified-publisher');
      }
      expect(m.error({ code: 'publisher-untrusted', files: [{ name: 'x.exe', outcome: 'other-signer', signer: 'Contoso Ltd' }] })).toContain('Contoso Ltd');
    }
  });

  it('a refused kit says why, and names the field when one is wrong', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      for (const problem of Object.keys(m.kitProblem) as (keyof typeof m.kitProblem)[]) {
        expect(m.error({ code: 'kit-invalid', file: 'kit.json', problem })).toContain(m.kitProblem[problem]);
      }
      expect(m.error({ code: 'kit-invalid', file: 'kit.json', problem: 'bad-field', field: 'files.0.size' })).toContain('files.0.size');
    }
  });
});

const SERVER = { serial: '5A1B2C3D4E5F60718293A4B5C6D7E8F9', notAfter: '2031-05-31T23:59:59.000Z' };
const OLD = '0F0E0D0C0B0A09080706050403020100';

describe('outcomes, verdicts, checks, evidence, reasons and notes', () => {
  for (const lang of LANGS) {
    const m = messages(lang);

    it(`${lang}: every outcome and verdict has its own words`, () => {
      const outcomes = Object.keys(m.outcome) as Outcome[];
      expect(new Set(outcomes.map((o) => m.outcome[o])).size).toBe(outcomes.length);
      for (const o of outcomes) expectReadable(m.outcomeFor(o), lang, o);
      // A stop after copying says what became of the copies, and never "nothing was copied".
      const removed = m.outcomeFor('bad-input', 'removed');
      const kept = m.outcomeFor('bad-input', 'kept');
      expect(new Set([m.outcomeFor('bad-input'), removed, kept]).size).toBe(3);
      expect(removed).not.toBe(m.outcome['bad-input']);
      expect(m.outcomeFor('fixed', 'kept')).toBe(m.outcome.fixed);
      for (const v of ['fixed', 'not-fixed', 'unknown'] as const) expectReadable(m.verdict[v], lang, v);
    });

    it(`${lang}: every check names the certificate file, the service or the server, with its state`, () => {
      const certPath = 'C:\\Program Files (x86)\\Trend Micro\\Security Agent\\OfcNTCer.dat';
      const sha = 'ab'.repeat(32);
      const pass = m.check({ name: 'agent-certificate', result: 'pass', path: certPath, expectedSha256: sha, actualSha256: sha, actualSerial: SERVER.serial, problem: null });
      expect(pass).toContain(certPath);
      expect(pass).toContain(sha.slice(0, 16));
      const fail = m.check({ name: 'agent-certificate', result: 'fail', path: certPath, expectedSha256: sha, actualSha256: 'cd'.repeat(32), actualSerial: OLD, problem: null });
      expect(fail).toContain(OLD);
      const failUnreadable = m.check({ name: 'agent-certificate', result: 'fail', path: certPath, expectedSha256: sha, actualSha256: null, actualSerial: null, problem: null });
      expect(failUnreadable).toContain(certPath);
      const texts = [pass, fail, failUnreadable];
      for (const problem of ['not-a-certificate', 'ENOENT', 'unreachable', 'mapped-drive', 'EACCES', null]) {
        const unknown = m.check({ name: 'agent-certificate', result: 'unknown', path: certPath, expectedSha256: sha, actualSha256: null, actualSerial: null, problem });
        expect(unknown).toContain(m.agentCertProblem(problem));
        texts.push(unknown);
      }
      expect(m.agentCertProblem('not-a-certificate')).toBe(m.certificateProblem['not-certificate']);
      expect(m.agentCertProblem('unreachable')).toBe(m.tried.unreachable);
      expect(m.agentCertProblem('EACCES')).toBe(m.osError('EACCES'));
      for (const state of ['running', 'stopped', 'missing', 'unknown'] as const) {
        const t = m.check({ name: 'service', service: 'ntrtscan', result: state === 'running' ? 'pass' : 'fail', state });
        expect(t).toContain('ntrtscan');
        expect(t).toContain(m.service[state]);
        texts.push(t);
      }
      const server = m.check({ name: 'agent-server', result: 'info', registryServer: 'srv-apex01:4343' });
      expect(server).toContain('srv-apex01:4343');
      const noServer = m.check({ name: 'agent-server', result: 'info', registryServer: null });
      expect(noServer).toContain(lang === 'en' ? '(not set)' : '（未設定）');
      const exit0 = m.check({ name: 'exit-code', result: 'pass', exitCode: 0 });
      const exit3 = m.check({ name: 'exit-code', result: 'warn', exitCode: 3 });
      const exitNone = m.check({ name: 'exit-code', result: 'pass', exitCode: null });
      expect(exit0).toContain('0');
      expect(exit3).toContain('3');
      expect(exit3.length).toBeGreaterThan(exit0.length);
      texts.push(noServer, server, exit0, exit3, exitNone);
      for (const t of texts) expectReadable(t, lang, t);
    });

    it(`${lang}: evidence of the server build names the build and where it came from`, () => {
      const cases = [
        [{ kind: 'override', build: 12526 }, ['12526']],
        [{ kind: 'pe-version', file: 'IpXfer_x64.exe', version: '14.0.0.12526', build: 12526 }, ['IpXfer_x64.exe', '14.0.0.12526', '12526']],
        [{ kind: 'kit-manifest', build: 11718, from: SHARE }, ['11718', SHARE]],
        [{ kind: 'datfhs-present', file: 'TmDatFHS64.dll' }, ['TmDatFHS64.dll']],
        [{ kind: 'datfhs-absent', name: 'TmDatFHS64.dll', folder: IPXFER_DIR }, ['TmDatFHS64.dll', IPXFER_DIR]],
        [{ kind: 'agent-build', build: 13000 }, ['13000']],
      ] as const;
      for (const [e, facts] of cases) {
        const text = m.evidence(e);
        expectReadable(text, lang, e.kind);
        for (const f of facts) expect(text, e.kind).toContain(f);
      }
    });

    it(`${lang}: why each file is copied: the certificate, the IpXfer of each bitness, the DLL by build`, () => {
      const arches = (['x86', 'x64', 'arm64'] as const).map((arch) => m.reason({ code: 'ipxfer-for-arch', arch }));
      expect(new Set(arches).size).toBe(3);
      const texts = [m.reason({ code: 'certificate' }), ...arches, m.reason({ code: 'datfhs-for-build', build: 12526 }), m.reason({ code: 'datfhs-unknown-build' }), m.reason({ code: 'datfhs-beside-ipxfer', build: 11718 })];
      expect(texts[4]).toContain('12526');
      expect(texts[6]).toContain('11718');
      for (const t of texts) expectReadable(t, lang, t);
    });

    it(`${lang}: every note names its build, file, date or days`, () => {
      const cases = [
        [{ code: 'arm64-uses-x64' }, ['x64']],
        [{ code: 'datfhs-absent-build-unknown', name: 'TmDatFHS64.dll' }, ['TmDatFHS64.dll']],
        [{ code: 'agent-build-suggests-datfhs', build: 12526, name: 'TmDatFHS64.dll' }, ['12526', 'TmDatFHS64.dll']],
        [{ code: 'kit', createdAt: '2026-02-27T10:11:12.000Z', from: SHARE }, ['2026-02-27', SHARE]],
        [{ code: 'kit-build-unknown' }, ['DatFHS']],
        [{ code: 'certificate-expired', notAfter: '2025-12-31T23:59:59.000Z' }, ['2025-12-31']],
        [{ code: 'certificate-expiring', notAfter: '2026-03-20T00:00:00.000Z', days: 18 }, ['2026-03-20', '18']],
      ] as const;
      for (const [n, facts] of cases) {
        const text = m.note(n);
        expectReadable(text, lang, n.code);
        for (const f of facts) expect(text, n.code).toContain(f);
        // A date is shown as a date, never with its time of day.
        expect(text).not.toMatch(/T\d\d:\d\d/);
      }
    });
  }
});

describe('the diagnosis, the ticket and the small phrases', () => {
  for (const lang of LANGS) {
    const m = messages(lang);

    it(`${lang}: the diagnosis names both serials, and says whether there is anything to repair`, () => {
      const differ = m.diagnosis({ serial: OLD, notAfter: '2024-01-01T00:00:00Z', matchesServer: false, servicesDown: [], problem: null }, SERVER);
      expect(differ).toContain(OLD);
      expect(differ).toContain('2024-01-01');
      expect(differ).toContain(SERVER.serial);
      expect(differ).toContain('KB 1102855');
      const same = m.diagnosis({ serial: SERVER.serial, notAfter: SERVER.notAfter, matchesServer: true, servicesDown: [], problem: null }, SERVER);
      expect(same).not.toBe(differ);
      const sameDown = m.diagnosis({ serial: SERVER.serial, notAfter: null, matchesServer: true, servicesDown: ['ntrtscan'], problem: null }, SERVER);
      expect(sameDown).toContain('net start ntrtscan');
      const unreadable = m.diagnosis({ serial: null, notAfter: null, matchesServer: false, servicesDown: [], problem: 'ENOENT' }, SERVER);
      expect(unreadable).toContain(m.agentCertProblem('ENOENT'));
      for (const t of [differ, same, sameDown, unreadable]) expectReadable(t, lang, t);

      const short = [
        m.diagnosisShort({ serial: OLD, matchesServer: false, servicesDown: [], problem: null }),
        m.diagnosisShort({ serial: SERVER.serial, matchesServer: true, servicesDown: [], problem: null }),
        m.diagnosisShort({ serial: SERVER.serial, matchesServer: true, servicesDown: ['tmlisten'], problem: null }),
        m.diagnosisShort({ serial: null, matchesServer: false, servicesDown: [], problem: 'not-a-certificate' }),
      ];
      expect(new Set(short).size).toBe(4);
      expect(short[2]).toContain('tmlisten');
      expect(short[3]).toContain(m.certificateProblem['not-certificate']);
      for (const t of short) expectReadable(t, lang, t);
    });

    it(`${lang}: the ticket paragraph carries the PC, agent, server, serials, outcome, time and report`, () => {
      const full = m.ticket({
        hostname: 'PC-042',
        arch: 'x64',
        agent: { programVersion: '14.0', build: 12526, server: 'srv-apex01' },
        source: SHARE,
        certificate: { before: OLD, after: SERVER.serial, server: SERVER.serial, afterIsServer: true, ran: true },
        outcome: m.outcome.fixed,
        errorCode: null,
        at: '2026-03-02 09:15:00 +09:00',
        report: 'C:\\ProgramData\\apex-cert-fix\\reports\\PC-042_20260302-091500.txt',
      });
      for (const f of ['PC-042', 'x64', '14.0', '12526', 'srv-apex01', SHARE, OLD, SERVER.serial, m.outcome.fixed, '2026-03-02 09:15:00 +09:00', 'PC-042_20260302-091500.txt']) expect(full).toContain(f);
      expect(full).not.toContain('\n');
      expectReadable(full, lang, full);

      const sparse = m.ticket({
        hostname: 'PC-043',
        arch: null,
        agent: { programVersion: null, build: null, server: null },
        source: null,
        certificate: { before: null, after: null, server: SERVER.serial, afterIsServer: false, ran: true },
        outcome: m.outcome.failed,
        errorCode: 'not-fixed',
        at: null,
        report: null,
      });
      expect(sparse).toContain('PC-043');
      expect(sparse).toContain('not-fixed');
      expect(sparse).toContain(`${SERVER.serial}`);
      expectReadable(sparse, lang, sparse);

      const notRun = m.ticket({ hostname: 'PC-044', arch: 'x86', agent: null, source: SHARE, certificate: { before: SERVER.serial, after: null, server: SERVER.serial, afterIsServer: true, ran: false }, outcome: m.outcome['already-fixed'], errorCode: null, at: null, report: null });
      expect(notRun).not.toContain('→');
      const notRunOther = m.ticket({ hostname: 'PC-045', arch: 'x64', agent: null, source: null, certificate: { before: OLD, after: null, server: SERVER.serial, afterIsServer: false, ran: false }, outcome: m.outcome['bad-input'], errorCode: 'copy-failed', at: null, report: null });
      expect(notRunOther).toContain(OLD);
      expect(notRunOther).toContain(SERVER.serial);
      const noCert = m.ticket({ hostname: 'PC-046', arch: 'x64', agent: null, source: null, certificate: { before: null, after: null, server: null, afterIsServer: false, ran: false }, outcome: m.outcome.environment, errorCode: 'no-agent', at: null, report: null });
      const ranNoServer = m.ticket({ hostname: 'PC-047', arch: 'x64', agent: null, source: null, certificate: { before: OLD, after: OLD, server: null, afterIsServer: false, ran: true }, outcome: m.outcome.failed, errorCode: null, at: null, report: null });
      const nothing = m.ticket({ hostname: 'PC-048', arch: 'x64', agent: null, source: null, certificate: null, outcome: m.outcome.environment, errorCode: 'not-elevated', at: null, report: null });
      for (const t of [notRun, notRunOther, noCert, ranNoServer, nothing]) expectReadable(t, lang, t);
      expect(nothing).toContain('not-elevated');
    });

    it(`${lang}: days left, waiting, the report not saved, the working folder, the kit, the reinstall hint`, () => {
      const expired = m.daysLeft(-3);
      const one = m.daysLeft(1);
      const many = m.daysLeft(45);
      expect(expired).toContain('3');
      expect(expired).not.toContain('-3');
      expect(many).toContain('45');
      expect(new Set([expired, one, many]).size).toBe(3);
      const waiting = m.waiting(61_400, 300_000);
      expect(waiting).toContain('61');
      expect(waiting).toContain('300');
      const notSaved = m.reportNotSaved('\\\\nas\\reports', 'EACCES');
      expect(notSaved).toContain('\\\\nas\\reports');
      expect(notSaved).toContain(m.osError('EACCES'));
      const removed = m.workDirAfter(WORK, true);
      const kept = m.workDirAfter(WORK, false);
      expect(removed).toContain(WORK);
      expect(kept).toContain(WORK);
      expect(removed).not.toBe(kept);
      expect(m.kitResult('E:\\ApexCertFix-kit')).toContain('E:\\ApexCertFix-kit');
      expect(m.autoPcc('srv-apex01')).toBe('\\\\srv-apex01\\ofcscan\\AutoPcc.exe');
      expect(m.autoPcc(null)).toMatch(/^\\\\<.+>\\ofcscan\\AutoPcc\.exe$/);
      expect(m.reinstall(m.autoPcc('srv-apex01'))).toContain('\\\\srv-apex01\\ofcscan\\AutoPcc.exe');
      expect(m.demoTemplate()).toContain('npm run demo');
      expect(m.quote([])).toBe('');
      expect(m.servicesDown([])).toBe('');
      const cut = m.label.outputCut(120, 5000, 9000);
      for (const n of ['120', '5000', '9000']) expect(cut).toContain(n);
      expect(m.label.endedAbnormally('SIGKILL')).toContain('SIGKILL');
      for (const t of [expired, one, many, waiting, notSaved, removed, kept, m.kitResult('E:\\k'), m.reinstall('x'), m.demoTemplate(), cut]) expectReadable(t, lang, t);
    });
  }

  it('English says "1 day left", not "1 days left"', () => {
    expect(messages('en').daysLeft(1)).toBe('1 day left');
    expect(messages('en').daysLeft(2)).toBe('2 days left');
    expect(messages('en').daysLeft(-2)).toBe('expired 2 days ago');
  });
});
