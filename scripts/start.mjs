// `npm start`: the Electron app where its binary is installed; otherwise the training mode in a
// browser (these machines cannot download Electron), saying so plainly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const binary = electronBinary();
const electron = binary && existsSync('dist/electron/hosts/electron/main.js') ? binary : null;
const [cmd, args] = electron
  ? [electron, ['dist/electron/hosts/electron/main.js', ...process.argv.slice(2)]]
  : [process.execPath, ['dist/electron/hosts/browser/main.js', ...process.argv.slice(2)]];
if (!electron) {
  console.log('Electron is not installed here: starting the training mode in a browser instead.');
  console.log('Electronがインストールされていないため、ブラウザでトレーニングモードを起動します。');
}
const child = spawn(cmd, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
