// Read-only virtual documents showing what the server computes for a Rust file (its
// syntax tree, its NodeId table, its autodiff expansions). Each re-renders while the
// file is edited, as rust-analyzer's syntax tree view does.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as ext from './lsp_ext';

/** What a view shows: a Rust file and, for the autodiff preview, a position in it. */
export interface ViewTarget {
  source: vscode.Uri;
  position?: vscode.Position;
}

export interface ViewKind {
  readonly scheme: string;
  /** Ends the virtual file's name, which picks its language (`.rs` highlights as Rust). */
  readonly suffix: string;
  render(client: LanguageClient, source: vscode.TextDocument, uri: vscode.Uri, target: ViewTarget): Promise<string>;
}

const RENDER_DELAY_MS = 200;

/** `Expr::MethodCall`, or the bare class for classes without kinds. */
export function nodeName(cls: string, kind: string | null): string {
  return kind ? `${cls}::${kind}` : cls;
}

/** The `{textDocument}` part of every rustAst/* request's params. */
export function textDocument(client: LanguageClient, doc: vscode.TextDocument): ext.NodeIdsParams {
  return { textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(doc) };
}

/** The open views of one kind: the content provider, URIs, and re-rendering on edits. */
export class LiveDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly kind: ViewKind,
    private readonly client: () => LanguageClient,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider(this.kind.scheme, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.refresh(e.document.uri)),
      this.changed,
    ];
  }

  uri(target: ViewTarget): vscode.Uri {
    const query = JSON.stringify({ source: target.source.toString(), position: target.position });
    return vscode.Uri.from({
      scheme: this.kind.scheme,
      path: `/${path.posix.basename(target.source.path)}${this.kind.suffix}`,
      query,
    });
  }

  target(uri: vscode.Uri): ViewTarget {
    const { source, position } = JSON.parse(uri.query) as { source: string; position?: vscode.Position };
    return {
      source: vscode.Uri.parse(source),
      position: position && new vscode.Position(position.line, position.character),
    };
  }

  /** Opens the view beside the source, leaving the focus where it was. */
  async show(target: ViewTarget): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(this.uri(target));
    return vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
    });
  }

  /** Renders the open views of `source` again, once typing pauses. */
  refresh(source: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== this.kind.scheme || this.target(doc.uri).source.toString() !== source.toString()) {
        continue;
      }
      const key = doc.uri.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.changed.fire(doc.uri);
        }, RENDER_DELAY_MS),
      );
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = this.target(uri);
    try {
      const source = await vscode.workspace.openTextDocument(target.source);
      return await this.kind.render(this.client(), source, uri, target);
    } catch (err) {
      // Shown in the view itself; the next edit renders again.
      return `rust-ast: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }
}

type Point = [number, number];

/** A VS Code position as rustc counts it: 1-based, columns in Unicode scalar values. */
export function rustcPoint(doc: vscode.TextDocument, pos: vscode.Position): Point {
  const before = doc.lineAt(pos.line).text.slice(0, pos.character);
  return [pos.line + 1, [...before].length + 1];
}

function le(a: Point, b: Point): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

export function within(inner: ext.RustcSpan, outer: ext.RustcSpan): boolean {
  return le([outer[0], outer[1]], [inner[0], inner[1]]) && le([inner[2], inner[3]], [outer[2], outer[3]]);
}

function preorder(json: ext.AstNode | ext.AstNode[]): ext.AstNode[] {
  const out: ext.AstNode[] = [];
  const stack = Array.isArray(json) ? [...json].reverse() : [json];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    stack.push(...[...node.children].reverse());
  }
  return out;
}

/** The syntax tree of the file, or of the selection when there is one, with the
 * cursor's node selected. Line i of the text is node i of the JSON's pre-order. */
export class SyntaxTreeView implements ViewKind {
  readonly scheme = 'rust-ast-tree';
  readonly suffix = '.ast';
  /** Per view URI: the spans of its lines, and whether it shows a selection only. */
  private readonly shown = new Map<string, { spans: (ext.RustcSpan | null)[]; ranged: boolean }>();

  async render(client: LanguageClient, source: vscode.TextDocument, uri: vscode.Uri): Promise<string> {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === source);
    const selection = editor && !editor.selection.isEmpty ? editor.selection : undefined;
    const tree = await client.sendRequest(ext.syntaxTree, {
      ...textDocument(client, source),
      range: selection && client.code2ProtocolConverter.asRange(selection),
    });
    this.shown.set(uri.toString(), {
      spans: preorder(tree.json).map((node) => node.span),
      ranged: selection !== undefined,
    });
    return tree.text;
  }

  /** Whether moving to `selection` changes what the view shows (not just its cursor). */
  changesContent(uri: vscode.Uri, selection: vscode.Selection): boolean {
    return !selection.isEmpty || this.shown.get(uri.toString())?.ranged === true;
  }

  /** Selects, in the open view `treeEditor`, the line of the smallest node around the
   * source editor's cursor. */
  reveal(treeEditor: vscode.TextEditor, sourceEditor: vscode.TextEditor): void {
    const spans = this.shown.get(treeEditor.document.uri.toString())?.spans;
    if (!spans || spans.length > treeEditor.document.lineCount) {
      return; // rendered text and JSON disagree (an error message, or a stale view)
    }
    const [line, col] = rustcPoint(sourceEditor.document, sourceEditor.selection.active);
    const cursor: ext.RustcSpan = [line, col, line, col];
    let best = -1;
    spans.forEach((span, i) => {
      // Later nodes in pre-order are deeper, so `within` keeps the innermost of equal spans.
      if (span && within(cursor, span) && (best < 0 || within(span, spans[best]!))) {
        best = i;
      }
    });
    if (best < 0) {
      return;
    }
    const text = treeEditor.document.lineAt(best);
    const range = new vscode.Range(best, text.firstNonWhitespaceCharacterIndex, best, text.text.length);
    treeEditor.selection = new vscode.Selection(range.start, range.end);
    treeEditor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** The NodeId table: one row per node that has an id, ordered by id. */
export const nodeIdsView: ViewKind = {
  scheme: 'rust-ast-ids',
  suffix: '.nodeids',
  async render(client, source) {
    const rows = await client.sendRequest(ext.nodeIds, textDocument(client, source));
    const cells = rows.map((row) => [
      String(row.id),
      nodeName(row.class, row.kind),
      row.range ? `${row.range.start.line + 1}:${row.range.start.character + 1}` : '-',
      [row.ident, row.field && `(${row.field})`].filter(Boolean).join(' '),
    ]);
    const table = [['NodeId', 'Node', 'Line:Col', 'Ident'], ...cells];
    const widths = [0, 1, 2].map((c) => Math.max(...table.map((cell) => cell[c]!.length)));
    const lines = table.map(([id, node, start, ident]) =>
      [id!.padStart(widths[0]!), node!.padEnd(widths[1]!), start!.padEnd(widths[2]!), ident].join('  ').trimEnd(),
    );
    return lines.join('\n') + '\n';
  },
};

/** What `#[autodiff_*]` attributes expand to, as `rustc -Zunpretty=expanded` prints it. */
export const autodiffView: ViewKind = {
  scheme: 'rust-ast-expand',
  suffix: '.expanded.rs',
  async render(client, source, _uri, target) {
    const expansions = await client.sendRequest(ext.expandAutodiff, {
      ...textDocument(client, source),
      position: target.position && client.code2ProtocolConverter.asPosition(target.position),
    });
    if (expansions.length === 0) {
      return `// No autodiff attribute ${target.position ? 'at this position' : 'in this file'}.\n`;
    }
    const blocks = expansions.map((e) => {
      const head =
        `// ${e.source} -> ${e.generated}: line ${e.span[0]}, ${e.mode}, width ${e.width}, ` +
        `activities ${e.activities.join(', ')}`;
      const errors = e.diagnostics.map((d) => `// ${d.level} at ${d.span[0]}:${d.span[1]}: ${d.message}`);
      return [head, ...errors, ...(e.text === null ? [] : [e.text])].join('\n');
    });
    return blocks.join('\n\n') + '\n';
  },
};
