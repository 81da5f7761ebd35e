/**
 * Merges the child-process map into the in-process one, file by file.
 *
 * Both maps come from ast-v8-to-istanbul, but over different JavaScript: vite's transform in the
 * vitest workers, tsc's output in the child processes. Mapped back to the .ts they find the same
 * statements and branches, yet not always at the same columns (e.g. `const f = () => …` starts at
 * `f` in one and at `(` in the other, and vite's maps give no end columns). istanbul's own merge
 * keys items by exact location, so such an item would be counted twice, once hit and once not.
 * Here an item of the child map goes to the in-process item with the same start (same branch type
 * and arity), else to a still unmatched one of its kind on the same line (nearest column), else it
 * is added; matched items get their hit counts summed. Files only one side has are taken as they are.
 */
import libCoverage from 'istanbul-lib-coverage';

const startOf = (loc) => `${loc.start.line}:${loc.start.column}`;

function mergeItems(baseMap, baseHits, extraMap, extraHits, kind) {
  const free = new Map(); // exact key → ids of base items not matched yet
  const byLine = new Map(); // line|kind → ids
  for (const [id, item] of Object.entries(baseMap)) {
    const k = kind.key(item);
    free.set(k, [...(free.get(k) ?? []), id]);
    const l = kind.line(item);
    byLine.set(l, [...(byLine.get(l) ?? []), id]);
  }
  const taken = new Set();
  const add = (id, hits) => {
    taken.add(id);
    baseHits[id] = Array.isArray(hits) ? baseHits[id].map((h, i) => h + (hits[i] ?? 0)) : baseHits[id] + hits;
  };
  const pending = [];
  for (const [id, item] of Object.entries(extraMap)) {
    const match = (free.get(kind.key(item)) ?? []).find((b) => !taken.has(b));
    if (match !== undefined) add(match, extraHits[id]);
    else pending.push(id);
  }
  let next = Object.keys(baseMap).reduce((m, id) => Math.max(m, Number(id) + 1), 0);
  for (const id of pending) {
    const item = extraMap[id];
    const column = kind.column(item);
    const near = (byLine.get(kind.line(item)) ?? [])
      .filter((b) => !taken.has(b))
      .sort((a, b) => Math.abs(kind.column(baseMap[a]) - column) - Math.abs(kind.column(baseMap[b]) - column))[0];
    if (near !== undefined) add(near, extraHits[id]);
    else {
      baseMap[next] = item;
      baseHits[next] = Array.isArray(extraHits[id]) ? [...extraHits[id]] : extraHits[id];
      taken.add(String(next++));
    }
  }
}

const statement = { key: startOf, line: (s) => `${s.start.line}`, column: (s) => s.start.column };
const fn = {
  key: (f) => `${startOf(f.loc)}|${f.name}`,
  line: (f) => `${f.loc.start.line}`,
  column: (f) => f.loc.start.column,
};
const branchLoc = (b) => (b.locations[0]?.start?.line !== undefined ? b.locations[0] : b.loc);
const branch = {
  key: (b) => `${startOf(branchLoc(b))}|${b.type}|${b.locations.length}`,
  line: (b) => `${branchLoc(b).start.line}|${b.type}|${b.locations.length}`,
  column: (b) => branchLoc(b).start.column,
};

export function mergeFileData(base, extra) {
  const out = structuredClone(base);
  mergeItems(out.statementMap, out.s, extra.statementMap, extra.s, statement);
  mergeItems(out.fnMap, out.f, extra.fnMap, extra.f, fn);
  mergeItems(out.branchMap, out.b, extra.branchMap, extra.b, branch);
  delete out.bT;
  return out;
}

/** A new CoverageMap: every file of both, merged as above where both have it. */
export function mergeMaps(inProcess, child) {
  const out = libCoverage.createCoverageMap({});
  for (const file of new Set([...inProcess.files(), ...child.files()])) {
    const a = inProcess.data[file] && inProcess.fileCoverageFor(file).toJSON();
    const b = child.data[file] && child.fileCoverageFor(file).toJSON();
    out.addFileCoverage(a && b ? mergeFileData(a, b) : (a ?? b));
  }
  return out;
}
