/** Which server AutoPcc.exe and the ticket name: the share used, this PC when it is the server, else the agent's. */
import { describe, expect, it } from 'vitest';
import { serverName } from '../../electron/core/ticket-summary.js';
import { messages } from '../../electron/core/messages.js';

const env = (agentServer: string | null) => ({ platform: 'simulated', arch: 'x64', detectedArch: 'x64', elevated: true, hostname: 'APEXSRV', codePage: 932, agent: agentServer ? { dir: 'C:\\x\\', server: agentServer, programVersion: '14.0', build: null } : null }) as never;

describe('the server in use', () => {
  it('is the share\'s server, this PC when the source is its own PCCSRV, else the agent\'s server', () => {
    expect(serverName({ source: { input: '\\\\srv1', root: '\\\\srv1\\ofcscan', tried: [] }, environment: env('srv2') })).toBe('srv1');
    const local = { input: 'C:\\Program Files (x86)\\Trend Micro\\Apex One', root: 'C:\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV', tried: [{ path: 'C:\\...', result: 'server-folder' as const }] };
    expect(serverName({ source: local, environment: env(null) })).toBe('APEXSRV');
    const kit = { input: 'E:\\', root: 'E:\\ApexCertFix-kit', tried: [{ path: 'E:\\ApexCertFix-kit', result: 'kit' as const }] };
    expect(serverName({ source: kit, environment: env('srv2') })).toBe('srv2');
    expect(serverName({ source: null, environment: env(null) })).toBeNull();
    expect(messages('en').autoPcc(serverName({ source: local, environment: env(null) }))).toContain('\\\\APEXSRV\\ofcscan\\AutoPcc.exe');
  });
});
