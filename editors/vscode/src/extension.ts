// The Rust AST extension: starts `rust-ast serve` for Rust files and adds commands for
// the server's own requests (lsp_ext.ts). Hovers, diagnostics, inlay hints, code lenses
// and the rest are standard LSP and need nothing here.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import * as ext from './lsp_ext';
import { locateServer, ServerNotFound } from './server';
import { SyntaxTreeProvider } from './tree_view';
import { autodiffView, LiveDocuments, nodeIdsView, nodeName, SyntaxTreeView, textDocument } from './views';

/** The language client, which the restart command and server setting changes replace. */
class Server {
  private client: LanguageClient | undefined;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  async start(): Promise<void> {
    let found;
    try {
      found = await locateServer();
    } catch (err) {
      if (!(err instanceof ServerNotFound)) {
        throw err;
      }
      this.output.error(err.message);
      // Not awaited: the notification stays until dismissed, and activation must not wait.
      void vscode.window.showErrorMessage(`Rust AST: ${err.message}`, 'Open Settings').then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'rustAst.server');
        }
      });
      return;
    }
    const commandLine = [found.command, ...found.args].join(' ');
    this.output.info(`starting ${commandLine}`);
    // No `transport`: stdio is the default, and TransportKind.stdio would add `--stdio`.
    const exe = { command: found.command, args: found.args };
    const client = new LanguageClient(
      'rustAst',
      'Rust AST',
      { run: exe, debug: exe },
      {
        documentSelector: [
          { scheme: 'file', language: 'rust' },
          { scheme: 'untitled', language: 'rust' },
        ],
        outputChannel: this.output,
        // The server runs the workspace's `rustc` (for its cfg tables) only in a workspace
        // the user trusts; Restricted Mode never starts the extension (package.json).
        initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
        // Push rustAst.* to the server (workspace/didChangeConfiguration) when it changes.
        synchronize: { configurationSection: 'rustAst' },
      },
    );
    try {
      await client.start();
    } catch (err) {
      // Say which command failed (a Python without rust-ast, say): the client's own
      // notification leads here through "Go to output", beside the server's stderr.
      this.output.error(`\`${commandLine}\` did not start: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.client = client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.stop();
  }

  /** The running client, for a command; throws a message fit for the user. */
  running(): LanguageClient {
    if (!this.client?.isRunning()) {
      throw new Error('the language server is not running (see the "Rust AST" output).');
    }
    return this.client;
  }
}

function activeRustEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'rust') {
    throw new Error('open a Rust file first.');
  }
  return editor;
}

/** A command handler whose errors become a notification instead of a silent log. */
function command<A extends unknown[]>(name: string, run: (...args: A) => Promise<void>): vscode.Disposable {
  return vscode.commands.registerCommand(name, async (...args: A) => {
    try {
      await run(...args);
    } catch (err) {
      void vscode.window.showErrorMessage(`Rust AST: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

async function goToNodeId(server: Server, id?: number): Promise<void> {
  const editor = activeRustEditor();
  const client = server.running();
  if (id === undefined) {
    const input = await vscode.window.showInputBox({
      title: 'Go to NodeId',
      prompt: `A NodeId in ${path.basename(editor.document.fileName)}, as rustc numbers it`,
      placeHolder: '42',
      validateInput: (value) => (/^\d+$/.test(value.trim()) ? undefined : 'A NodeId is a number: 0, 7, 42, ...'),
    });
    if (input === undefined) {
      return;
    }
    id = Number(input.trim());
  }
  const location = await client.sendRequest(ext.findNodeId, { ...textDocument(client, editor.document), id });
  if (!location) {
    void vscode.window.showInformationMessage(
      `Rust AST: no node in ${path.basename(editor.document.fileName)} has NodeId ${id}.`,
    );
    return;
  }
  const range = client.protocol2CodeConverter.asRange(location.range);
  const target = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), {
    selection: new vscode.Selection(range.start, range.start),
  });
  target.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function toggleNodeIdHints(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('rustAst');
  const key = 'inlayHints.nodeIds';
  // Flip the value where it is set, so a workspace setting does not hide the change.
  const target =
    cfg.inspect<boolean>(key)?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await cfg.update(key, !cfg.get<boolean>(key, false), target);
}

/** The status bar entry naming the innermost node at the cursor (`rustAst/nodeAt`);
 * clicking it opens the syntax tree view there. */
function nodeAtCursor(server: Server): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('rustAst.nodeAt', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Rust AST: node at cursor';
  item.tooltip = 'The innermost AST node at the cursor, as rustc sees it. Click to show it in the syntax tree.';
  item.command = 'rustAst.showSyntaxTreeView';
  let timer: NodeJS.Timeout | undefined;
  const update = async (editor: vscode.TextEditor): Promise<void> => {
    const client = server.running();
    const nodes = await client.sendRequest(ext.nodeAt, {
      ...textDocument(client, editor.document),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    });
    const node = nodes[0];
    if (!node) {
      item.hide();
      return;
    }
    item.text = `$(symbol-structure) ${nodeName(node.class, node.kind)}${node.id === null ? '' : ` #${node.id}`}`;
    item.show();
  };
  const schedule = (editor: vscode.TextEditor | undefined): void => {
    if (editor === undefined) {
      return; // the focus went to a panel or a view: the editor's node still stands
    }
    clearTimeout(timer);
    if (editor.document.languageId !== 'rust') {
      item.hide();
      return;
    }
    timer = setTimeout(() => update(editor).catch(() => item.hide()), 150);
  };
  return [
    item,
    vscode.window.onDidChangeTextEditorSelection((e) => schedule(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(schedule),
  ];
}

/** The server of the active extension, for `deactivate`. */
let current: Server | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Rust AST', { log: true });
  // Shows the syntax tree view in the Explorer (package.json: its `when`).
  void vscode.commands.executeCommand('setContext', 'rustAst.active', true);
  const server = new Server(output);
  current = server;
  const client = (): LanguageClient => server.running();
  const treeView = new SyntaxTreeView();
  const treeProvider = new SyntaxTreeProvider(client);
  const tree = new LiveDocuments(treeView, client);
  const ids = new LiveDocuments(nodeIdsView, client);
  const autodiff = new LiveDocuments(autodiffView, client);

  const revealInTrees = (sourceEditor: vscode.TextEditor): void => {
    for (const treeEditor of vscode.window.visibleTextEditors) {
      const uri = treeEditor.document.uri;
      if (uri.scheme === treeView.scheme && tree.target(uri).source.toString() === sourceEditor.document.uri.toString()) {
        treeView.reveal(treeEditor, sourceEditor);
      }
    }
  };

  context.subscriptions.push(
    output,
    ...tree.register(),
    ...ids.register(),
    ...autodiff.register(),
    ...nodeAtCursor(server),
    ...treeProvider.register(),
    vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
      if (textEditor.document.languageId !== 'rust') {
        return;
      }
      // A selection shows its own subtree; a moved cursor only moves the highlight.
      if (treeView.changesContent(tree.uri({ source: textEditor.document.uri }), selections[0]!)) {
        tree.refresh(textEditor.document.uri);
      } else {
        revealInTrees(textEditor);
      }
    }),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.uri.scheme === treeView.scheme) {
        const source = tree.target(document.uri).source.toString();
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source);
        if (editor) {
          revealInTrees(editor);
        }
      }
    }),
    command('rustAst.showSyntaxTree', async () => {
      const editor = activeRustEditor();
      await tree.show({ source: editor.document.uri });
      revealInTrees(editor);
    }),
    command('rustAst.showSyntaxTreeView', () => treeProvider.reveal()),
    command('rustAst.showNodeIds', async () => {
      await ids.show({ source: activeRustEditor().document.uri });
    }),
    command('rustAst.goToNodeId', (id?: number) => goToNodeId(server, id)),
    // Code lenses pass the file and the attribute's position; the palette passes nothing.
    command('rustAst.previewAutodiff', async (uri?: string, position?: { line: number; character: number }) => {
      const source = uri ? vscode.Uri.parse(uri) : activeRustEditor().document.uri;
      await autodiff.show({ source, position: position && new vscode.Position(position.line, position.character) });
    }),
    command('rustAst.toggleNodeIdHints', toggleNodeIdHints),
    command('rustAst.restartServer', async () => {
      await server.stop();
      await server.start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('rustAst.server')) {
        await server.stop();
        await server.start();
      }
    }),
  );
  await server.start();
  await treeProvider.showActive(); // the view may have been open before the server ran
}

/** Shuts the server down; VS Code waits for this before the extension host exits. */
export function deactivate(): Promise<void> | undefined {
  return current?.stop();
}
