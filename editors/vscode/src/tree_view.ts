// The syntax tree as a tree view in the Explorer: one row per rustc_ast node (its
// class and kind, NodeId, identifier and span), folding like the tree it is. Clicking a
// row selects the node's source; the view follows the active Rust editor, its cursor
// (the innermost node is revealed and selected) and its edits (reloaded once typing
// pauses). The text view (views.ts, "Show Syntax Tree") stays for copying and range
// trees. Where the server cut a large tree to its budget (a `...` node with the range
// of what it left out), expanding the `...` row asks for that range's tree.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as ext from './lsp_ext';
import { nodeName, rustcPoint, textDocument, within } from './views';

export const VIEW_ID = 'rustAst.syntaxTree';
const RELOAD_DELAY_MS = 300;
const FOLLOW_DELAY_MS = 100;

/** A node of the tree, with its parent (for `reveal`) and a key that names its place. */
class TreeNode {
  private kids: TreeNode[] | undefined;

  constructor(
    readonly ast: ext.AstNode,
    readonly parent: TreeNode | undefined,
    /** The path of child indices and names from the root: the row's id, so a reload
     * keeps what was expanded where the tree kept its shape. */
    readonly key: string,
  ) {}

  get children(): TreeNode[] {
    this.kids ??= this.ast.children.map(
      (child, i) => new TreeNode(child, this, `${this.key}/${i}:${nodeName(child.class, child.kind)}`),
    );
    return this.kids;
  }

  get isCut(): boolean {
    return this.ast.class === ext.CUT;
  }

  /** Whether this is a cut whose left-out nodes are still to be asked for. */
  get isUnloadedCut(): boolean {
    return this.isCut && this.ast.range !== undefined && this.ast.children.length === 0;
  }

  /** A cut's left-out nodes, once loaded, become its children. */
  fill(nodes: ext.AstNode[]): void {
    this.ast.children = nodes;
    this.kids = undefined;
  }
}

/** The VS Code position of a rustc point (1-based; columns in Unicode scalar values). */
function position(doc: vscode.TextDocument, line: number, col: number): vscode.Position {
  const lineIndex = Math.min(line - 1, doc.lineCount - 1);
  const text = doc.lineAt(lineIndex).text;
  return new vscode.Position(lineIndex, [...text].slice(0, col - 1).join('').length);
}

function rangeOf(doc: vscode.TextDocument, span: ext.RustcSpan): vscode.Range {
  return new vscode.Range(position(doc, span[0], span[1]), position(doc, span[2], span[3]));
}

type LspRange = NonNullable<ext.AstNode['range']>;

/** A range (VS Code's, or the protocol's: both count UTF-16 code units) as a rustc span. */
function rustcSpan(doc: vscode.TextDocument, range: vscode.Range | LspRange): ext.RustcSpan {
  const point = ({ line, character }: { line: number; character: number }) =>
    rustcPoint(doc, new vscode.Position(line, character));
  return [...point(range.start), ...point(range.end)];
}

export class SyntaxTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<TreeNode>;
  /** The Rust document shown, and the version its tree was read at. */
  private document: vscode.TextDocument | undefined;
  private version = -1;
  private roots: TreeNode[] = [];
  /** The row last clicked: while the editor selects exactly its range, the cursor
   * does not move the tree's selection to a deeper node of the same span. */
  private clicked: TreeNode | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private followTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
  }

  register(): vscode.Disposable[] {
    return [
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(({ visible }) => {
        if (visible) {
          this.showActive();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.showActive()),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document === this.document && this.view.visible) {
          clearTimeout(this.reloadTimer);
          this.reloadTimer = setTimeout(() => void this.load(document), RELOAD_DELAY_MS);
        }
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (textEditor.document === this.document && this.view.visible) {
          clearTimeout(this.followTimer);
          this.followTimer = setTimeout(() => void this.follow(textEditor), FOLLOW_DELAY_MS);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) {
          this.document = undefined;
          this.roots = [];
          this.view.message = 'Open a Rust file to see its syntax tree.';
          this.changed.fire(undefined);
        }
      }),
      vscode.commands.registerCommand('rustAst.selectNode', (node: TreeNode) => this.select(node)),
      { dispose: () => (clearTimeout(this.reloadTimer), clearTimeout(this.followTimer)) },
    ];
  }

  /** Opens the view on the active Rust editor's tree, with its cursor's node selected
   * (the status bar item's command). */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await this.showActive();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const { ast } = node;
    if (node.isCut) {
      const item = new vscode.TreeItem(
        ext.CUT,
        ast.range ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = node.key;
      item.description = ast.range ? 'cut to the size budget, loaded when expanded' : 'cut to the size budget';
      return item;
    }
    const state = ast.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.parent === undefined
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(nodeName(ast.class, ast.kind), state);
    item.id = node.key;
    const span = ast.span && `${ast.span[0]}:${ast.span[1]}-${ast.span[2]}:${ast.span[3]}`;
    item.description = [ast.id === null ? undefined : `#${ast.id}`, ast.ident, span && `[${span}]`]
      .filter(Boolean)
      .join(' ');
    item.tooltip = `${item.label} ${item.description}` +
      (ast.id === null ? '\nNo NodeId: rustc gives this node none, or numbers it only after expansion.' : '') +
      (ast.span ? '' : '\nNo span: rustc gives this node none.');
    if (ast.span && this.document) {
      item.command = { command: 'rustAst.selectNode', title: 'Select in the editor', arguments: [node] };
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.isUnloadedCut && this.document) {
      node.fill(await this.loadCut(this.document, node.ast.range!));
    }
    return node ? node.children : this.roots;
  }

  /** The nodes a cut left out: the outermost nodes inside its range, in the tree the
   * server sends for that range (which may start at an enclosing node, and may be cut
   * again). */
  private async loadCut(document: vscode.TextDocument, range: LspRange): Promise<ext.AstNode[]> {
    const client = this.client();
    const tree = await client.sendRequest(ext.syntaxTree, { ...textDocument(client, document), range });
    const wanted = rustcSpan(document, range);
    const found: ext.AstNode[] = [];
    const visit = (node: ext.AstNode): void => {
      const span = node.class === ext.CUT ? node.range && rustcSpan(document, node.range) : node.span;
      if (span && within(span, wanted)) {
        found.push(node);
      } else {
        node.children.forEach(visit);
      }
    };
    (Array.isArray(tree.json) ? tree.json : [tree.json]).forEach(visit);
    return found;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Shows the active editor's file, if it is Rust; another editor (or none, when the
   * focus is in a panel) leaves the view as it is. */
  async showActive(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'rust' || !this.view.visible) {
      return;
    }
    if (editor.document !== this.document || editor.document.version !== this.version) {
      await this.load(editor.document);
    }
    await this.follow(editor);
  }

  private async load(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    let tree: ext.SyntaxTree;
    try {
      const client = this.client();
      tree = await client.sendRequest(ext.syntaxTree, textDocument(client, document));
    } catch (err) {
      // An edit meanwhile (the server answers ContentModified) reloads anyway.
      if (document.version === version) {
        this.view.message = `rust-ast: ${err instanceof Error ? err.message : String(err)}`;
      }
      return;
    }
    if (document.version !== version) {
      return; // edited meanwhile: the reload that edit scheduled shows it
    }
    this.document = document;
    this.version = version;
    this.clicked = undefined;
    const json = Array.isArray(tree.json) ? tree.json : [tree.json];
    this.roots = json.map((ast, i) => new TreeNode(ast, undefined, `${i}:${nodeName(ast.class, ast.kind)}`));
    this.view.message = undefined;
    this.view.description = vscode.workspace.asRelativePath(document.uri);
    this.changed.fire(undefined);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) {
      await this.follow(editor);
    }
  }

  /** Selects, in the tree, the innermost node around the editor's selection. */
  private async follow(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (doc !== this.document || doc.version !== this.version || !this.view.visible) {
      return;
    }
    const { selection } = editor;
    const clicked = this.clicked?.ast.span;
    if (clicked && rangeOf(doc, clicked).isEqual(selection)) {
      return;
    }
    const wanted = rustcSpan(doc, selection);
    let best: TreeNode | undefined;
    let cut: TreeNode | undefined;
    // Every node, not only those inside their parent's span: an item's span leaves out
    // its outer attributes. In pre-order a later node of the same span is deeper
    // (`Stmt::Expr`, then its `Expr`), which `within` keeps.
    const visit = (node: TreeNode): void => {
      const span = node.ast.span;
      if (span && within(wanted, span) && (!best || within(span, best.ast.span!))) {
        best = node;
      }
      if (node.isUnloadedCut && within(wanted, rustcSpan(doc, node.ast.range!))) {
        cut = node;
      }
      node.children.forEach(visit);
    };
    this.roots.forEach(visit);
    // The selection lies in what the server cut: load that (a few levels at most), and look again.
    for (let loads = 0; cut && loads < 8; loads++) {
      const found: TreeNode = cut;
      cut = undefined;
      try {
        found.fill(await this.loadCut(doc, found.ast.range!));
      } catch {
        break; // the server's error shows when the row is expanded
      }
      if (doc.version !== this.version) {
        return;
      }
      found.children.forEach(visit);
    }
    if (best) {
      await this.view.reveal(best, { select: true, focus: false });
    }
  }

  private async select(node: TreeNode): Promise<void> {
    const doc = this.document;
    if (!doc || !node.ast.span) {
      return;
    }
    this.clicked = node;
    const range = rangeOf(doc, node.ast.span);
    const editor = await vscode.window.showTextDocument(doc, {
      preserveFocus: true,
      viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn,
    });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
