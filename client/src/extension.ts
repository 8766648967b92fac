/**
 * The VS Code side of corpus-lint: starts the language server (node-ipc), shows the document
 * verdict in the status bar, and offers the document commands. All analysis is in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** Mirrors server/src/protocol/verdict.ts (the client does not import server code). */
interface Verdict {
  uri: string;
  version: number;
  analyzed: boolean;
  contentShare: number;
  counts: Record<string, number>;
  script?: string;
  text: string;
}

const APPLY_COMMAND = 'corpusLint.server.applyAction';

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem | undefined;
const verdicts = new Map<string, Verdict>();

function updateStatus(): void {
  if (!status) return;
  const doc = vscode.window.activeTextEditor?.document;
  const v = doc && verdicts.get(doc.uri.toString());
  if (!v || !v.analyzed) {
    status.hide();
    return;
  }
  status.text = `$(checklist) ${v.text.replace(/^corpus-lint:\s*/, '')}`;
  const tip = new vscode.MarkdownString(`**${v.text}**\n\nversion ${v.version}${v.script ? ` · script: ${v.script}` : ''}\n\nClick to show the problems.`);
  status.tooltip = tip;
  status.backgroundColor = v.contentShare < 0.5 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  status.show();
}

async function runOnActiveDocument(op: 'clean' | 'toSimplified' | 'toTraditional'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showInformationMessage('Corpus Lint: open a corpus or Chinese text document first.');
    return;
  }
  const doc = editor.document;
  const res = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: APPLY_COMMAND,
    arguments: [{ uri: client.code2ProtocolConverter.asUri(doc.uri), op, version: doc.version }],
  })) as { applied?: boolean; reason?: string; edits?: number } | null;
  if (res && res.applied === false) void vscode.window.showWarningMessage(`Corpus Lint: nothing applied${res.reason ? ` (${res.reason})` : ''}.`);
  else if (res && res.edits === 0) void vscode.window.showInformationMessage('Corpus Lint: nothing to change.');
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'corpus' },
      { scheme: 'untitled', language: 'corpus' },
      // plain text too: the server itself only analyses it when it is mostly Chinese (corpusLint.onlyChinese)
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    synchronize: { configurationSection: 'corpusLint' },
    // package.json contributes the semantic token types person / place / organization (and their scopes)
    initializationOptions: { entityTokenTypes: 'custom' },
    outputChannelName: 'Corpus Lint',
  };
  client = new LanguageClient('corpusLint', 'Corpus Lint', serverOptions, clientOptions);

  status = vscode.window.createStatusBarItem('corpusLint.verdict', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Corpus Lint verdict';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);

  context.subscriptions.push(
    client.onNotification('corpusLint/verdict', (v: Verdict) => {
      verdicts.set(v.uri, v);
      updateStatus();
    }),
    // entities are ready (after the diagnostics); the editor asks for tokens, outline and hovers itself
    client.onNotification('corpusLint/entities', () => undefined),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidCloseTextDocument((d) => {
      verdicts.delete(d.uri.toString());
      updateStatus();
    }),
    vscode.commands.registerCommand('corpusLint.cleanDocument', () => runOnActiveDocument('clean')),
    vscode.commands.registerCommand('corpusLint.toSimplified', () => runOnActiveDocument('toSimplified')),
    vscode.commands.registerCommand('corpusLint.toTraditional', () => runOnActiveDocument('toTraditional')),
    vscode.commands.registerCommand('corpusLint.restartServer', async () => {
      verdicts.clear();
      updateStatus();
      await client?.restart();
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
