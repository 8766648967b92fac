/**
 * A minimal LSP client for tests: spawns the server over stdio and speaks JSON-RPC to it,
 * answering the few requests a server sends to its client (configuration, registration, progress).
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { SERVER_NODE_ARGS } from '../../server/src/launch';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'out/server/src/server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: any[];
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly verdicts: any[] = [];
  readonly logs: string[] = [];
  readonly appliedEdits: any[] = [];
  settings: Record<string, unknown> = {};
  /**
   * Keep every publishDiagnostics message (tests look back at earlier versions); false: only each document's
   * latest one, as an editor does. The benchmark sets it: 40 kept messages of a 100 KB page (947
   * diagnostics each) made this process's full GCs land in the latency it measures (traced: the next change
   * left 17–22 ms late at edits 8 and 24 of every run).
   */
  keepAllPublished = true;
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor() {
    // with the Node flags the VS Code client starts it with (server/src/launch.ts)
    this.proc = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/applyEdit', (p: any) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      if (!this.keepAllPublished) {
        const k = this.published.findIndex((x) => x.uri === p.uri);
        if (k >= 0) this.published.splice(k, 1);
      }
      this.published.push(p);
      this.notify();
    });
    this.conn.onNotification('corpusLint/verdict', (p: any) => {
      this.verdicts.push(p);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.listen();
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves with the first value `pick` returns that is not undefined, re-checked on every notification. */
  waitFor<T>(pick: () => T | undefined, what: string, ms = 15000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`)), ms);
      const check = () => {
        const v = pick();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  diagnosticsFor(uri: string, version: number): Promise<PublishedDiagnostics> {
    return this.waitFor(() => this.published.find((p) => p.uri === uri && p.version === version), `diagnostics of ${uri} v${version}`);
  }

  async initialize(capabilities: Record<string, unknown> = defaultCapabilities(), initializationOptions: Record<string, unknown> = {}): Promise<any> {
    const res = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.conn.sendNotification('initialized', {});
    return res;
  }

  open(uri: string, text: string, languageId = 'corpus', version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.proc.kill();
          resolve();
        }, 2000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

export function defaultCapabilities(): Record<string, unknown> {
  return {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true }, applyEdit: true },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } },
        dataSupport: true,
      },
      codeLens: {},
    },
  };
}
