/**
 * The layer rules (docs/architecture.md "Layers"), checked by dependency-cruiser in `npm test`, type imports included:
 * base imports nothing of ours; core imports base and the Platform interface only; platform imports
 * base (and core's error types); hosts wire the rest; the renderer imports only the contract.
 * The contract (electron/contract/) is the page's door: it imports only itself and base, no Node
 * module (the page and the sandboxed preload bundle it), and only the hosts and the page import it.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'a cycle, type imports included, makes the layers unreadable', from: {}, to: { circular: true } },
    { name: 'base-imports-nothing-of-ours', severity: 'error', from: { path: '^electron/base/' }, to: { path: '^(electron|renderer)/', pathNot: '^electron/base/' } },
    { name: 'core-only-base-and-the-platform-interface', severity: 'error', from: { path: '^electron/core/' }, to: { path: '^(electron|renderer)/', pathNot: ['^electron/(core|base)/', '^electron/platform/platform\\.ts$'] } },
    { name: 'platform-only-base', severity: 'error', from: { path: '^electron/platform/' }, to: { path: '^(electron|renderer)/', pathNot: ['^electron/(platform|base)/', '^electron/core/errors\\.ts$'] } },
    { name: 'simulation-only-base', severity: 'error', from: { path: '^electron/simulation/' }, to: { path: '^(electron|renderer)/', pathNot: '^electron/(simulation|base)/' } },
    { name: 'nothing-imports-a-host', severity: 'error', from: { pathNot: '^electron/hosts/' }, to: { path: '^electron/hosts/' } },
    { name: 'hosts-do-not-import-each-other', severity: 'error', from: { path: '^electron/hosts/(cli|browser|electron)/' }, to: { path: '^electron/hosts/(cli|browser|electron)/', pathNot: '^electron/hosts/$1/' } },
    { name: 'renderer-only-the-contract', severity: 'error', from: { path: '^renderer/' }, to: { path: '^electron/', pathNot: '^electron/contract/' } },
    { name: 'contract-only-base', severity: 'error', comment: 'the page bundles the contract: nothing of core, platform or the hosts', from: { path: '^electron/contract/' }, to: { path: '^(electron|renderer)/', pathNot: '^electron/(contract|base)/' } },
    { name: 'contract-no-node', severity: 'error', comment: 'the page and the sandboxed preload bundle the contract', from: { path: '^electron/contract/' }, to: { dependencyTypes: ['core'] } },
    { name: 'contract-only-for-hosts-and-page', severity: 'error', comment: 'core speaks its own types; hosts turn them into the view (hosts/view-check.ts)', from: { path: '^electron/', pathNot: '^electron/(hosts|contract)/' }, to: { path: '^electron/contract/' } },
    { name: 'renderer-no-node', severity: 'error', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
    { name: 'no-electron-outside-its-host', severity: 'error', from: { path: '^electron/', pathNot: '^electron/hosts/electron/' }, to: { path: '^electron$|node_modules/electron/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
