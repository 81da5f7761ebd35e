/** The per-folder table: lines % and branches %, with the goals for electron/base and electron/core. */
import path from 'node:path';

export const GOAL = { lines: 90, branches: 80 };

const under = (dir) => (p) => p.startsWith(`${dir}/`);
const directlyIn = (dir) => (p) => path.posix.dirname(p) === dir;
const ROWS = [
  { label: 'electron/base', test: under('electron/base'), goal: true },
  { label: 'electron/core (all)', test: under('electron/core'), goal: true },
  { label: '  core/ (own files)', test: directlyIn('electron/core'), goal: true },
  { label: '  core/session', test: under('electron/core/session'), goal: true },
  { label: '  core/trust', test: under('electron/core/trust'), goal: true },
  { label: '  core/fleet', test: under('electron/core/fleet'), goal: true },
  { label: 'electron/platform', test: under('electron/platform') },
  { label: 'electron/simulation', test: under('electron/simulation') },
  { label: 'electron/hosts (own files)', test: directlyIn('electron/hosts') },
  { label: 'electron/hosts/cli', test: under('electron/hosts/cli') },
  { label: 'electron/hosts/browser', test: under('electron/hosts/browser') },
  { label: 'electron/hosts/electron', test: under('electron/hosts/electron') },
  { label: 'electron/*.ts', test: directlyIn('electron') },
  { label: 'total', test: () => true },
];

function totals(files) {
  const t = { files: 0, lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
  for (const s of files) {
    t.files++;
    for (const k of ['lines', 'branches']) {
      t[k].total += s[k].total;
      t[k].covered += s[k].covered;
    }
  }
  return t;
}

const pct = (m) => (m.total === 0 ? 100 : (100 * m.covered) / m.total);
const cell = (m, goal) => {
  const figure = `${pct(m).toFixed(1).padStart(5)} % ${`(${m.covered}/${m.total})`.padEnd(12)}`;
  if (goal === undefined) return figure.padEnd(33);
  return `${figure} ≥ ${goal} % ${pct(m) >= goal ? 'met  ' : 'BELOW'}`;
};

/** summaries: Map of repo-relative posix path → { lines, branches } totals. Returns text lines. */
export function table(summaries) {
  const entries = [...summaries];
  const out = [`${'folder'.padEnd(27)} files  ${'lines (goal)'.padEnd(33)}  branches (goal)`];
  for (const row of ROWS) {
    const t = totals(entries.filter(([p]) => row.test(p)).map(([, s]) => s));
    if (t.files === 0) continue;
    const lines = cell(t.lines, row.goal ? GOAL.lines : undefined);
    out.push(`${row.label.padEnd(27)} ${String(t.files).padStart(5)}  ${lines}  ${cell(t.branches, row.goal ? GOAL.branches : undefined)}`.trimEnd());
  }
  return out;
}

/** The files of base and core furthest from the goal (most uncovered lines first). */
export function shortfalls(summaries, count = 10) {
  return [...summaries]
    .filter(([p]) => under('electron/base')(p) || under('electron/core')(p))
    .filter(([, s]) => pct(s.lines) < GOAL.lines || pct(s.branches) < GOAL.branches)
    .sort(([, a], [, b]) => b.lines.total - b.lines.covered - (a.lines.total - a.lines.covered))
    .slice(0, count)
    .map(([p, s]) => `  ${p.padEnd(45)} lines ${pct(s.lines).toFixed(1).padStart(5)} %  branches ${pct(s.branches).toFixed(1).padStart(5)} %`);
}
