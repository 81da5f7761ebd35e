/**
 * The Japanese glossary's hard rules (docs/glossary-ja.md), checked in every Japanese table the
 * product has: the engine's (with its fleet and CLI sections, every function called with realistic
 * facts), the error table, the page's, the CLI help and the fleet exit-code table. Help-desk staff
 * search Trend Micro's console and KB with our words, so our words must be Trend Micro's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../../electron/contract/index.js';
import { messages } from '../../electron/core/messages.js';
import { jaErrors } from '../../electron/core/messages/ja.js';
import { HELP } from '../../electron/hosts/cli/help.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Long-vowel spellings Trend Micro does not use (R1), the company in katakana (R2), words the glossary refuses. */
const REFUSED: [RegExp, string][] = [
  [/サーバー/, 'サーバ (R1)'],
  [/フォルダー/, 'フォルダ (R1)'],
  [/コンピューター/, 'コンピュータ (R1)'],
  [/ブラウザー/, 'ブラウザ (R1)'],
  [/ユーザー/, 'ユーザ (R1)'],
  [/トレンドマイクロ/, 'Trend Micro (R2)'],
  [/。」。/, 'no stop before a closing 」 followed by another (R6)'],
  [/［/, 'one labelled form for codes: （エラーコード: ...） (R4)'],
  [/フリート|両ビット数|両方の分/, 'plain words (glossary terms)'],
  [/クライアント/, 'エージェント (glossary terms)'],
  [/アンロードのパスワード|解除パスワード/, 'アンロードパスワード'],
];

/** Every string a value holds: strings, lists, and a function's source (its literals); calledTexts() adds what they return. */
function texts(value: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([where, value]);
  else if (typeof value === 'function') out.push([where, String(value)]);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, `${where}.${k}`, out);
  return out;
}

const SAMPLE_LINES = ['IpXfer: 完了しました。'];
const JA = messages('ja');

/** The engine's functions, called with facts a repair really produces. */
function calledTexts(): [string, string][] {
  const down = ['tmlisten', 'ntrtscan'];
  const before = { serial: '1A2B', notAfter: '2027-01-01T00:00:00Z', matchesServer: true, servicesDown: down, problem: null };
  const server = { serial: '1A2B', notAfter: '2027-01-01T00:00:00Z' };
  return [
    ['quote', JA.quote(SAMPLE_LINES)],
    ['servicesDown', JA.servicesDown(down)],
    ['diagnosis', JA.diagnosis(before, server)],
    ['diagnosis match', JA.diagnosis({ ...before, servicesDown: [] }, server)],
    ['diagnosis differ', JA.diagnosis({ ...before, matchesServer: false }, server)],
    ['diagnosisShort', JA.diagnosisShort(before)],
    ['reinstall', JA.reinstall(JA.autoPcc(null))],
    ['osError', JA.osError('EACCES')],
    ['reportNotSaved', JA.reportNotSaved('E:\\reports', 'EACCES')],
    ['ticket', JA.ticket({ hostname: 'PC-01', arch: 'x64', agent: { programVersion: '14.0', build: 12526, server: 'srv' }, source: '\\\\srv\\ofcscan', certificate: { before: '1', after: '2', server: '2', afterIsServer: true, ran: true }, outcome: JA.outcome.failed, errorCode: 'ipxfer-exit', at: '2026-03-02 09:15 +09:00', report: null })],
    ['error ipxfer-exit', JA.error({ code: 'ipxfer-exit', step: 'run', exitCode: 1, signal: null, lastLines: SAMPLE_LINES } as never)],
    ['error not-fixed', JA.error({ code: 'not-fixed', step: 'verify', lastLines: SAMPLE_LINES } as never)],
    ['error timeout', JA.error({ code: 'timeout', step: 'run', seconds: 300, servicesDown: down } as never)],
    ['error busy', JA.error({ code: 'busy', step: 'run', running: 'run' } as never)],
    ['error source-unreadable', JA.error({ code: 'source-unreadable', step: 'source', path: '\\\\srv\\ofcscan', reason: 'EACCES' } as never)],
    ['fleet copy.failed', JA.fleet.copy.failed('\\\\srv\\reports$', 'EACCES')],
    ['fleet summary.headers', JA.fleet.summary.headers.join('\n')],
  ];
}

describe('the Japanese glossary', () => {
  const all: [string, string][] = [
    ...texts(JA, 'messages'),
    ...calledTexts(),
    ...Object.keys(jaErrors).map((k) => [`jaErrors.${k}`, String(jaErrors[k as keyof typeof jaErrors])] as [string, string]),
    ...texts(PAGE_MESSAGES.ja, 'page'),
    ['help', HELP.ja],
    ['exit-codes.json', readFileSync(path.join(ROOT, 'docs/fleet/exit-codes.json'), 'utf8')],
  ];

  it('reads every Japanese table (the check is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(400);
    expect(all.filter(([, t]) => t.includes('サーバ')).length).toBeGreaterThan(50);
  });

  for (const [pattern, use] of REFUSED) {
    it(`no Japanese text has ${pattern.source}: use ${use}`, () => {
      expect(all.filter(([, t]) => pattern.test(t)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
    });
  }

  it('a quoted IpXfer line ending in 。 gives one stop, not 「…。」。 (R6)', () => {
    expect(JA.quote(['IpXfer: 完了しました。'])).toBe('IpXferの出力: 「IpXfer: 完了しました」。');
  });

  it('an error code appears once, labelled (R4), and an OS error keeps its name in parentheses', () => {
    expect(JA.osError('EACCES')).toBe('アクセスが拒否されました（EACCES）');
    expect(JA.osError('EXDEV')).toBe('OSのエラー（EXDEV）');
    expect(calledTexts().find(([w]) => w === 'ticket')![1]).toContain('（エラーコード: ipxfer-exit）');
  });

  // R3's mechanical part: a fixed word is not a token the user copies, so no space sits between it
  // and Japanese; a number and its counter take none either. Paths, commands and interpolated values
  // keep theirs (CertificateManager.exe -l, IpXfer_x64.exe, ${...}): the word must stand alone.
  const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー（）「」、。]';
  const WORDS = 'IpXfer|Apex One|Windows|PC|CertificateManager|Trend Micro|PowerShell|Web|USB|OS|KB \\d+|SHA-256|CSV|JSON';
  const WORD_SPACING: [RegExp, string][] = [
    [new RegExp(`${CJK} (?:${WORDS})(?![\\w.\\-\\\\/:])`, 'u'), 'Japanese, a space, a fixed word'],
    [new RegExp(`(?<![\\w.\\-\\\\/%$])(?:${WORDS}) ${CJK}`, 'u'), 'a fixed word, a space, Japanese'],
    [/(?:\d|\}|#) (?:秒|日|台|件|行目|文字|ビット)/u, 'a number, a space, its counter'],
  ];
  it('the R3 guard sees a wrong space and lets a token keep its own', () => {
    const flagged = (t: string) => WORD_SPACING.some(([p]) => p.test(t));
    for (const bad of ['Apex One サーバ', 'IpXfer を実行', 'この PC の', 'Windows の判定', 'KB 1102855 の手順', '30 秒', '${n} 台', '# 台']) expect(flagged(bad), bad).toBe(true);
    for (const good of ['Apex Oneサーバ', 'サーバで CertificateManager.exe -l を実行', 'の IpXfer_x64.exe を', 'C:\\Windows の', 'PC-01 の', '${d.path} を読み取れません', 'ビルド 12526（', '--help で']) expect(flagged(good), good).toBe(false);
  });

  for (const [pattern, what] of WORD_SPACING) {
    it(`no Japanese text has ${what}: Apex Oneサーバ, IpXferを実行, 30秒 (R3)`, () => {
      expect(all.filter(([, t]) => pattern.test(t)).map(([w, t]) => `${w}: ${t.match(pattern)![0]} in ${t.slice(0, 200)}`)).toEqual([]);
    });
  }

  it('services are named as services.msc shows them, with the short name and the command (R8)', () => {
    const text = JA.servicesDown(['tmlisten', 'ntrtscan']);
    expect(text).toContain('Apex One NT Listener（tmlisten）');
    expect(text).toContain('Apex One NT RealTime Scan（ntrtscan）');
    expect(text).toContain('net start tmlisten');
  });
});
