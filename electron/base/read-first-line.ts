/**
 * `--password-stdin`: the first line of standard input, exactly as typed (spaces kept, only the
 * line break and a leading UTF-8 BOM removed: Windows PowerShell 5.1 pipes one before the text, as
 * Notepad writes one into a file; `--password-file` removes it too). At a console (a TTY) a prompt goes to stderr, so it is seen even when
 * stdout is redirected, and the typing is not echoed, so the password is never on screen.
 */
import type { Readable } from 'node:stream';

type Input = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

const toStderr = (text: string) => void process.stderr.write(text);

export async function readFirstLine(input: Input, prompt: (text: string) => void = toStderr): Promise<string> {
  if (input.isTTY && input.setRawMode) return readHidden(input, prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of input) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    const nl = buf.indexOf(0x0a);
    if (nl >= 0) {
      chunks.push(buf.subarray(0, nl));
      break;
    }
    chunks.push(buf);
  }
  input.pause();
  return withoutBom(Buffer.concat(chunks).toString('utf8').replace(/\r$/, ''));
}

function readHidden(input: Input, prompt: (text: string) => void): Promise<string> {
  prompt('Password / パスワード: ');
  input.setRawMode!(true);
  input.resume();
  let typed = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          input.setRawMode!(false);
          input.pause();
          input.off('data', onData);
          prompt('\n');
          resolve(withoutBom(typed));
          return;
        }
        if (ch === '\u0003') process.kill(process.pid, 'SIGINT');
        else if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');
