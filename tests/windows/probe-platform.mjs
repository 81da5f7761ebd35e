// Run by Windows node.exe under Wine (tests/windows/planted-tools.test.ts): asks the built
// WindowsPlatform for every fact from inside a folder full of planted reg/sc/fltmc/... programs,
// with that folder first in PATH, and ends a small process tree. Prints one JSON document.
//   node.exe probe-platform.mjs <dist platform/windows.js URL> <planted folder>
const [distUrl, planted] = process.argv.slice(2);
process.chdir(planted);
process.env.PATH = `${planted};${process.env.PATH ?? ''}`;
const { WindowsPlatform } = await import(distUrl);
const { spawn } = await import('node:child_process');
const p = new WindowsPlatform();
const started = Date.now();
const step = async (name, f) => {
  const value = await f();
  process.stderr.write(`${Date.now() - started} ms ${name}: ${JSON.stringify(value)}\n`);
  return value;
};
const facts = {
  elevated: await step('isElevated', () => p.isElevated()),
  codePage: await step('codePage', () => p.codePage()),
  agent: await step('agent', () => p.agent()),
  tmlisten: await step('serviceState tmlisten', () => p.serviceState('tmlisten')),
  missing: await step('serviceState nosuchservice', () => p.serviceState('nosuchservice')),
  osSignature: await step('osSignatureStatuses', () => p.osSignatureStatuses([`${planted}\\lingerer.exe`])),
  // Windows' resolver (getaddrinfo), as \\server is found: the server rule compares names through it.
  localhost: await step('resolveHost localhost', () => p.resolveHost('localhost')),
  invalid: await step('resolveHost nosuch.invalid', () => p.resolveHost('nosuch.invalid')),
};
// cmd.exe → lingerer.exe (the fake IpXfer waiting forever): a two-level tree to end.
const cmd = spawn(`${process.env.SystemRoot}\\System32\\cmd.exe`, ['/c', 'lingerer.exe --linger'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const kill = await step('killTree', () => p.killTree(cmd.pid));
await new Promise((r) => setTimeout(r, 500));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
process.stdout.write(JSON.stringify({ ...facts, kill, cmdAlive: alive(cmd.pid) }));
process.exit(0);
