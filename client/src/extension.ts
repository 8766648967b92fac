/**
 * The VS Code side of corpus-lint: starts the language server (node-ipc), shows the document
 * verdict in the status bar, and offers the document commands. All analysis is in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

/** Mirrors server/src/launch.ts (the Node flags the server runs with; test/unit/launch.test.ts compares them). */
const SERVER_NODE_ARGS = ['--max-semi-space-size=4'];

/** Mirrors server/src/protocol/verdict.ts (the client does not import server code). */
interface Verdict {
  uri: string;
  version: number;
  analyzed: boolean;
  contentShare: number;
  counts: Record<string, number>;
  script?: string;
  /** The text says it too: "analysed in N sections", "diagnostics for lines A–B: N of M problems…" (lines zero-based here). */
  sections?: number;
  diagnostics?: { published: number; total: number; lines?: { start: number; end: number } };
  text: string;
}

const APPLY_COMMAND = 'corpusLint.server.applyAction';

/** The documents the server analyses (the client's documentSelector). */
const SELECTOR: { scheme: string; language: string }[] = [
  { scheme: 'file', language: 'corpus' },
  { scheme: 'untitled', language: 'corpus' },
  // plain text too: the server itself only analyses it when it is mostly Chinese (corpusLint.onlyChinese)
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
];

/**
 * What the active editor shows of one of our documents, sent to the server as corpusLint/visibleRanges
 * (debounced): above corpusLint.maxDiagnostics the server publishes the diagnostics nearest it
 * (VS Code keeps at most 1000 per file anyway), and again when the user scrolls away from them.
 */
const VISIBLE_DEBOUNCE_MS = 150;
let visibleTimer: NodeJS.Timeout | undefined;
const lastVisible = new Map<string, string>();
function reportVisibleRanges(editor: vscode.TextEditor | undefined): void {
  if (visibleTimer) clearTimeout(visibleTimer);
  visibleTimer = undefined;
  if (!editor || !client || vscode.languages.match(SELECTOR, editor.document) === 0) return;
  visibleTimer = setTimeout(() => {
    visibleTimer = undefined;
    if (!client || !client.isRunning() || editor !== vscode.window.activeTextEditor || editor.document.isClosed) return;
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const ranges = editor.visibleRanges.map((r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } }));
    const key = JSON.stringify(ranges);
    if (lastVisible.get(uri) === key) return;
    lastVisible.set(uri, key);
    void client.sendNotification('corpusLint/visibleRanges', { uri, ranges });
  }, VISIBLE_DEBOUNCE_MS);
}

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

/** The CLI's encoding names → VS Code's encoding ids (`files.encoding`). */
const VSCODE_ENCODING: Record<string, string> = { 'utf-8': 'utf8', gbk: 'gbk', gb18030: 'gb18030', big5: 'cp950', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be' };

/**
 * Reopen a wrongly decoded file (artifact/wrong-encoding) in the encoding the server recognises
 * from its bytes: `openTextDocument(uri, { encoding })` where VS Code has it (1.100+), else VS Code's
 * own "Reopen with Encoding" picker, with the detected encoding named.
 */
async function reopenWithEncoding(arg?: string | vscode.Uri): Promise<void> {
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || !client) return;
  const res = (await client.sendRequest('corpusLint/detectEncoding', { uri: client.code2ProtocolConverter.asUri(uri) })) as { encoding: string } | null;
  const encoding = res && VSCODE_ENCODING[res.encoding];
  if (!encoding) {
    void vscode.window.showWarningMessage('Corpus Lint: could not recognise the encoding of this file; choose one.');
    await vscode.commands.executeCommand('workbench.action.files.reopenWithEncoding');
    return;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc && 'encoding' in doc) {
    if (doc.isDirty) {
      void vscode.window.showWarningMessage('Corpus Lint: save or revert your changes before reopening the file in another encoding.');
      return;
    }
    // VS Code 1.100+: the document is decoded again with the given encoding
    const open = vscode.workspace.openTextDocument as unknown as (u: vscode.Uri, o: { encoding: string }) => Thenable<vscode.TextDocument>;
    await vscode.window.showTextDocument(await open(uri, { encoding }));
    return;
  }
  const pick = await vscode.window.showInformationMessage(`Corpus Lint: this file looks like ${res!.encoding.toUpperCase()}. Choose "${encoding}" in VS Code's Reopen with Encoding.`, 'Reopen with Encoding…');
  if (pick) await vscode.commands.executeCommand('workbench.action.files.reopenWithEncoding');
}

/** Restarts the server when it dies (like the default: up to 4 times in 3 minutes), telling the user each time. */
function errorHandler(): NonNullable<LanguageClientOptions['errorHandler']> {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0] > 3 * 60_000) restarts.shift();
      if (restarts.length <= 4) {
        void vscode.window.showWarningMessage(`Corpus Lint: the language server stopped unexpectedly and is being restarted (${restarts.length} of 4 in 3 minutes). Details are in the "Corpus Lint" output.`);
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: 'Corpus Lint: the language server stopped 5 times in 3 minutes and will not be restarted. Run "Corpus Lint: Restart Language Server" to try again.',
      };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    synchronize: { configurationSection: 'corpusLint' },
    // package.json contributes the semantic token types person / place / organization (and their scopes)
    // Workspace Trust: the server honours corpusLint.customPatterns only in a trusted workspace
    // (a function, so that a restarted server sees the current trust)
    initializationOptions: () => ({ entityTokenTypes: 'custom', trusted: vscode.workspace.isTrusted }),
    outputChannelName: 'Corpus Lint',
    errorHandler: errorHandler(),
    middleware: {
      // a wrongly decoded file: offer to reopen it in the encoding recognised from its bytes
      provideCodeActions: async (document, range, ctx, token, next) => {
        const actions = (await next(document, range, ctx, token)) ?? [];
        if (ctx.diagnostics.some((d) => d.code === 'artifact/wrong-encoding' || (typeof d.code === 'object' && d.code?.value === 'artifact/wrong-encoding'))) {
          const a = new vscode.CodeAction('Reopen with the detected encoding', vscode.CodeActionKind.QuickFix);
          a.command = { command: 'corpusLint.reopenWithEncoding', title: 'Reopen with the detected encoding', arguments: [document.uri.toString()] };
          a.isPreferred = true;
          actions.unshift(a);
        }
        return actions;
      },
    },
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
    // a (re)started server knows nothing of what is visible
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      lastVisible.clear();
      reportVisibleRanges(vscode.window.activeTextEditor);
    }),
    // entities are ready (after the diagnostics); the editor asks for tokens, outline and hovers itself
    client.onNotification('corpusLint/entities', () => undefined),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      updateStatus();
      reportVisibleRanges(editor);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) reportVisibleRanges(e.textEditor);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      verdicts.delete(d.uri.toString());
      if (client) lastVisible.delete(client.code2ProtocolConverter.asUri(d.uri));
      updateStatus();
    }),
    vscode.commands.registerCommand('corpusLint.cleanDocument', () => runOnActiveDocument('clean')),
    vscode.commands.registerCommand('corpusLint.toSimplified', () => runOnActiveDocument('toSimplified')),
    vscode.commands.registerCommand('corpusLint.toTraditional', () => runOnActiveDocument('toTraditional')),
    vscode.commands.registerCommand('corpusLint.reopenWithEncoding', (arg?: string | vscode.Uri) => reopenWithEncoding(arg)),
    vscode.commands.registerCommand('corpusLint.restartServer', async () => {
      verdicts.clear();
      updateStatus();
      await client?.restart();
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('corpusLint/trust', { trusted: true });
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
