// The rust-ast server's own requests, the `rustAst/*` methods of server/features/ext.py,
// as rust-analyzer's lsp_ext.ts mirrors its server. tests/test_ext_mirror.py checks that
// the method names here and there are the same set.
import * as lc from 'vscode-languageclient';

/** `[lo_line, lo_col, hi_line, hi_col]` as rustc prints spans: 1-based, columns in
 * Unicode scalar values, hi exclusive (docs/json.md, "Spans"). */
export type RustcSpan = [number, number, number, number];

/** One node of `rust-ast tree --json --ids`; payload fields (op, style, ...) vary. */
export interface AstNode {
  /** `...` for where a server with a size budget cut the tree. */
  class: string;
  kind: string | null;
  id: number | null;
  span: RustcSpan | null;
  ident?: string;
  /** On a `...` node: the source range of what was cut (ask for that range's tree). */
  range?: lc.Range;
  children: AstNode[];
}

export const CUT = '...';

export interface SyntaxTreeParams {
  textDocument: lc.TextDocumentIdentifier;
  /** Only the nodes in this range; the whole file when absent. */
  range?: lc.Range;
}

/** `text`: one line per node, in the pre-order of `json` (as `rust-ast tree` prints). */
export interface SyntaxTree {
  text: string;
  json: AstNode | AstNode[];
  /** Whether the server cut the tree to its size budget (`...` nodes). */
  truncated?: boolean;
}

export const syntaxTree = new lc.RequestType<SyntaxTreeParams, SyntaxTree, void>('rustAst/syntaxTree');

export interface NodeAtEntry {
  class: string;
  kind: string | null;
  id: number | null;
  /** Null for nodes rustc gives no span (PathSegment, GenericParam, ...). */
  range: lc.Range | null;
}

/** The nodes that cover a position, innermost first. */
export const nodeAt = new lc.RequestType<lc.TextDocumentPositionParams, NodeAtEntry[], void>('rustAst/nodeAt');

export interface NodeIdsParams {
  textDocument: lc.TextDocumentIdentifier;
}

/** A row of `rust-ast ids --json`, with an LSP range instead of a rustc span. */
export interface NodeIdRow {
  id: number;
  class: string;
  kind: string | null;
  range: lc.Range | null;
  ident?: string;
  /** The slot of an id that is not the node's own, e.g. `ctor_id`. */
  field?: string;
}

export const nodeIds = new lc.RequestType<NodeIdsParams, NodeIdRow[], void>('rustAst/nodeIds');

export interface FindNodeIdParams {
  textDocument: lc.TextDocumentIdentifier;
  id: number;
}

export const findNodeId = new lc.RequestType<FindNodeIdParams, lc.Location | null, void>('rustAst/findNodeId');

export interface ExpandAutodiffParams {
  textDocument: lc.TextDocumentIdentifier;
  /** The attribute at this position; every attribute in the file when absent. */
  position?: lc.Position;
}

export interface AutodiffDiagnostic {
  span: RustcSpan;
  level: string;
  message: string;
}

/** One element of `rust-ast expand --json`: an autodiff attribute and what it generates. */
export interface AutodiffExpansion {
  span: RustcSpan;
  source: string;
  generated: string;
  mode: string;
  width: number;
  activities: string[];
  /** rustc's `-Zunpretty=expanded` text for both fns; null when rustc reports errors. */
  text: string | null;
  diagnostics: AutodiffDiagnostic[];
}

export const expandAutodiff = new lc.RequestType<ExpandAutodiffParams, AutodiffExpansion[], void>(
  'rustAst/expandAutodiff',
);

/** The crate and configuration a document is analysed in. */
export interface CrateInfo {
  /** The crate root file; null for a buffer that is no file. */
  root: string | null;
  /** The file's module path, `crate::util::inner`. */
  module: string;
  target: string | null;
  edition: number;
  features: string[];
  /** The other `--cfg`s (a build script's, the settings'), `name` or `name="value"`. */
  cfg: string[];
}

export interface CrateInfoParams {
  textDocument: lc.TextDocumentIdentifier;
}

export const crateInfo = new lc.RequestType<CrateInfoParams, CrateInfo, void>('rustAst/crateInfo');
