// `npm start`: the Electron app where its binary is installed; otherwise the training mode in a
// browser (these machines cannot download Electron), saying so plainly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electron = null;
try {
  const binary = require('electron');
  if (typeof binary === 'string' && existsSync(binary) && existsSync('dist/electron/main.js')) electron = binary;
} catch {
  // not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): fall through
}
const [cmd, args] = electron
  ? [electron, ['.']]
  : [process.execPath, ['dist/electron/browser-main.js', ...process.argv.slice(2)]];
if (!electron) {
  console.log('Electron is not installed here: starting the training mode in a browser instead.');
  console.log('Electron がインストールされていないため、ブラウザーでトレーニングモードを起動します。');
}
const child = spawn(cmd, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
