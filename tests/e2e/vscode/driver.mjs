// Drives the VS Code workbench that code-server serves, in Debian's headless Chromium
// (playwright-core), the way a user would: keyboard, mouse, Command Palette. It records
// what the page shows in a JSON file; tests/e2e/test_vscode.py judges it.
//
// Environment:
//   E2E_URL              http://127.0.0.1:PORT/?folder=WORKSPACE
//   E2E_OPEN_FILE        workspace-relative file to open (src/main.rs)
//   E2E_EXPECT_NOTIFICATION  if set, only wait for a notification with this text (no
//                        server to find); otherwise work through the server's features:
//   E2E_HOVER_LINE_TEXT  the text of the line to hover (whole line, as in the file)
//   E2E_HOVER_CHAR       0-based column of the character to hover in that line
//   E2E_EXPECT_NODE_AT   text of the status bar's node at the cursor, there
//   E2E_TREE_NODE        text in the tree view's row selected there ("#22 [")
//   E2E_TREE_CHILD       text in a child row of it, to expand it and click that ("#23 [")
//   E2E_CHILD_STATUS     what the status bar's cursor position then says
//                        ("Ln 13, Col 18 (13 selected)")
//   E2E_EXPECT_HOVER     text the hover widget must show
//   E2E_GOTO_ID          NodeId to give "Rust AST: Go to NodeId..."
//   E2E_GOTO_STATUS      what the status bar's cursor position then says ("Ln 13, Col 1")
//   E2E_AUTODIFF_LINE    1-based line of an autodiff attribute, whose code lens to click
//   E2E_EXPECT_HINT      an inlay hint that "Toggle NodeId Inlay Hints" must show ("/* 17 */")
//   E2E_SCREENSHOT       PNG path: the hover, the tree view, the status bar and the
//                        Problems panel in one picture
//   E2E_RESULT           JSON path for what was seen
//   CHROMIUM_PATH        default /usr/bin/chromium
//   E2E_TIMEOUT_MS       per-step timeout, default 60000
// Exit status: 0 when every step ran, 1 when one failed (the JSON says which).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
const timeout = Number(env.E2E_TIMEOUT_MS || 60000);
const t0 = Date.now();
const result = { steps_ms: {}, console_errors: [], notifications: [], non_loopback_requests: [] };
const mark = (step) => {
  result.steps_ms[step] = Date.now() - t0;
};

const profile = mkdtempSync(join(tmpdir(), 'rust-ast-e2e-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    '--no-sandbox', // running as root in a container
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Nothing resolves but the loopback address code-server listens on.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ],
});
context.on('request', (req) => {
  const host = new URL(req.url()).hostname;
  if (host && host !== '127.0.0.1' && host !== 'localhost') {
    result.non_loopback_requests.push(req.url().slice(0, 200));
  }
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(timeout);
page.on('console', (msg) => {
  if (msg.type() === 'error' && result.console_errors.length < 30) {
    result.console_errors.push(msg.text().slice(0, 300));
  }
});

/** Text of a rendered editor line: Monaco renders spaces as no-break spaces. */
const plain = (text) => text.replace(/\u00a0/g, ' ');

/** The on-screen box of character `col` of the line whose text is `lineText`. */
async function charBox(editor, lineText, col) {
  const box = await editor.evaluate(
    (root, [want, col]) => {
      for (const line of root.querySelectorAll('.view-lines .view-line')) {
        if (line.textContent.replace(/\u00a0/g, ' ') !== want) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (col < offset + node.length) {
            const range = document.createRange();
            range.setStart(node, col - offset);
            range.setEnd(node, col - offset + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          offset += node.length;
        }
      }
      return null;
    },
    [lineText, col],
  );
  if (!box) throw new Error(`line ${JSON.stringify(lineText)} is not on screen`);
  return box;
}

/** Runs a command from the Command Palette by its title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget');
  await palette.waitFor({ state: 'visible' });
  await page.keyboard.type(title, { delay: 10 });
  await palette.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Every line of an editor, scrolling through it: Monaco renders only what is visible. */
async function allLines(editor) {
  // [line number, text] of each rendered line; a line's number sits in the margin at
  // the same height as its text.
  const rendered = () =>
    editor.evaluate((root) => {
      const numbers = new Map();
      for (const number of root.querySelectorAll('.margin-view-overlays .line-numbers')) {
        numbers.set(Math.round(number.getBoundingClientRect().top), Number(number.textContent));
      }
      return [...root.querySelectorAll('.view-lines > .view-line')].map((line) => [
        numbers.get(Math.round(line.getBoundingClientRect().top)),
        line.textContent,
      ]);
    });
  const lastShown = async () => Math.max(0, ...(await rendered()).map(([number]) => number ?? 0));
  await editor.locator('.view-lines').click();
  // The last line's number: scroll to the end and wait for the rendering to settle.
  await page.keyboard.press('Control+End');
  let last = 0;
  for (let settled = 0; settled < 3; ) {
    await page.waitForTimeout(100);
    const shown = await lastShown();
    settled = shown === last ? settled + 1 : 0;
    last = shown;
  }
  await page.keyboard.press('Control+Home');
  const lines = new Map();
  const deadline = Date.now() + timeout;
  while (lines.size < last && Date.now() < deadline) {
    for (const [number, text] of await rendered()) {
      if (number) lines.set(number, plain(text));
    }
    // PageDown moves the cursor a page, and scrolls once it leaves the screen.
    const before = await lastShown();
    await page.keyboard.press('PageDown');
    for (let waited = 0; waited < 1000 && (await lastShown()) === before && before < last; waited += 50) {
      await page.waitForTimeout(50);
    }
  }
  if (lines.size < last) throw new Error(`read ${lines.size} of ${last} lines`);
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

/** The text of the line an unfocused editor shows selected. */
async function selectedLine(editor) {
  return editor.evaluate((root) => {
    const selection = root.querySelector('.view-overlays .selected-text');
    if (!selection) return null;
    const y = selection.getBoundingClientRect().top + 2;
    for (const line of root.querySelectorAll('.view-lines > .view-line')) {
      const r = line.getBoundingClientRect();
      if (r.top <= y && y < r.bottom) return line.textContent.replace(/\u00a0/g, ' ');
    }
    return null;
  });
}

/** The selected line of `editor` once it matches `pattern` (or the last one seen, after 20 s). */
async function selectedLineMatching(editor, pattern) {
  let line = null;
  for (const end = Date.now() + 20000; Date.now() < end; await page.waitForTimeout(100)) {
    line = await selectedLine(editor);
    if (line !== null && pattern.test(line)) break;
  }
  return line;
}

/** The tree view's pane in the Explorer, and the text of its rows. */
const treePane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Rust Syntax Tree' }) });
/** A tree row as "label description": "Expr::MethodCall #22 [13:5-13:24]". */
const rowText = async (row) =>
  [await row.locator('.label-name').innerText(), await row.locator('.label-description').innerText()].join(' ').trim();

/** The status bar's cursor position once it says `want` (or what it says after the wait). */
async function cursorStatus(want) {
  const position = page.locator('[id="status.editor.selection"]');
  const exact = new RegExp(`^${want.replace(/[()]/g, '\\$&')}$`); // "Ln 13, Col 1" is also in "Ln 13, Col 10"
  await position.filter({ hasText: exact }).waitFor({ state: 'visible' }).catch(() => {});
  return (await position.innerText()).trim();
}

/** The messages of the notifications on screen (toasts, or the notification center). */
async function notifications() {
  return page.locator('.notification-list-item-message').allInnerTexts();
}

/** Hovers `target`, retrying the mouse move (hovers need the pointer to settle), and
 * records the widget's text. */
async function hoverTarget(target) {
  const hover = page.locator('.monaco-hover').filter({ hasText: env.E2E_EXPECT_HOVER });
  let shown = false;
  for (let attempt = 0; attempt < 5 && !shown; attempt++) {
    await page.mouse.move(target.x - 40, target.y);
    await page.mouse.move(target.x, target.y, { steps: 5 });
    shown = await hover.first().waitFor({ state: 'visible', timeout: 5000 }).then(
      () => true,
      () => false,
    );
  }
  if (!shown) throw new Error(`no hover showing ${JSON.stringify(env.E2E_EXPECT_HOVER)}`);
  result.hover_text = (await hover.first().innerText()).trim();
  result.hover_bold = await hover.first().locator('strong, b').allInnerTexts();
  mark('hover');
}

/** Opens the workbench, then the file with Quick Open (Ctrl+P), as a person would. */
async function openFile() {
  await page.goto(env.E2E_URL);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
  await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible' });
  mark('workbench');

  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(env.E2E_OPEN_FILE, { delay: 10 });
  const baseName = env.E2E_OPEN_FILE.split('/').pop();
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: baseName }).first().waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator(`.editor-instance .monaco-editor[data-uri$="/${baseName}"]`).first();
  await editor.locator('.view-lines').waitFor({ state: 'visible' });
  mark('editor');
  return editor;
}

/** With no server to find, the extension must say so, and how to fix it. */
async function expectNotification() {
  const toast = page.locator('.notification-toast', { hasText: env.E2E_EXPECT_NOTIFICATION });
  await toast.first().waitFor({ state: 'visible' });
  mark('notification');
}

/** What a user does with the server running. */
async function useTheServer(editor) {
  // The server's diagnostics arrive as squiggles: the extension started the server.
  await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached' });
  mark('squiggle');

  // The Problems panel lists the diagnostic.
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: 'unexpected_cfgs' }).first().waitFor({ state: 'visible' });
  result.problems = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  mark('problems');

  // Put the cursor in the expression: the status bar names the innermost node there.
  let target = await charBox(editor, env.E2E_HOVER_LINE_TEXT, Number(env.E2E_HOVER_CHAR));
  await page.mouse.click(target.x, target.y);
  const nodeAt = page.locator('.statusbar-item', { hasText: env.E2E_EXPECT_NODE_AT });
  await nodeAt.first().waitFor({ state: 'visible' });
  result.status_node = (await nodeAt.first().innerText()).trim();
  mark('status_bar');

  // Clicking it opens the tree view in the Explorer with the cursor's node selected.
  // (The Explorer's folder pane is folded, to give the tree the room.)
  await nodeAt.first().click();
  const pane = treePane();
  const selected = pane.locator('.monaco-list-row.selected');
  await selected.filter({ hasText: env.E2E_TREE_NODE }).first().waitFor({ state: 'visible' });
  result.tree_view_selected = await rowText(selected.first());
  await page.locator('.pane:has(.explorer-folders-view) > .pane-header').first().click();
  // A wider side bar, so the rows' spans show (drag the sash at its right edge).
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(sideBar.x + sideBar.width + 1, 300);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + sideBar.width + 120, 300, { steps: 5 });
  await page.mouse.up();
  mark('tree_view');

  // Expand that node and click a child: the editor selects the child's source.
  await selected.first().locator('.monaco-tl-twistie').click();
  const child = pane.locator('.monaco-list-row', { hasText: env.E2E_TREE_CHILD }).first();
  await child.waitFor({ state: 'visible' });
  result.tree_view_child = await rowText(child);
  await child.click();
  result.tree_click_status = await cursorStatus(env.E2E_CHILD_STATUS);
  result.tree_view_clicked = await rowText(selected.first());
  mark('tree_view_click');

  // Back in the file, the tree follows the cursor. (The wider side bar moved the text.)
  target = await charBox(editor, env.E2E_HOVER_LINE_TEXT, Number(env.E2E_HOVER_CHAR));
  await page.mouse.click(target.x, target.y);
  await selected.filter({ hasText: env.E2E_TREE_NODE }).first().waitFor({ state: 'visible' });
  result.tree_view_followed = await rowText(selected.first());
  await nodeAt.first().waitFor({ state: 'visible' });

  // The hover, the tree view and the status bar in the screenshot.
  await hoverTarget(target);
  await page.waitForTimeout(300); // the widget fades in
  await page.screenshot({ path: env.E2E_SCREENSHOT });
  result.screenshot = env.E2E_SCREENSHOT;

  // The text view of the tree opens beside (Ctrl+B hides the side bar to make room),
  // keeps the focus in the file, and selects the cursor's node.
  await page.mouse.move(5, 450);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+B');
  await runCommand('Rust AST: Show Syntax Tree');
  const tree = page.locator('.editor-instance .monaco-editor[data-uri^="rust-ast-tree:"]').first();
  // (Not a wait for the first line: selecting the node may already have scrolled it away.)
  await tree.locator('.view-overlays .selected-text').first().waitFor({ state: 'visible' });
  result.tree_selected = await selectedLine(tree);
  mark('tree');

  // Go to NodeId: from the file's editor, through the input box.
  await page.keyboard.press('Control+1');
  await runCommand('Rust AST: Go to NodeId');
  // The palette's own input lingers a moment: wait for the command's prompt.
  await page.locator('.quick-input-widget', { hasText: 'A NodeId in' }).waitFor({ state: 'visible' });
  await page.keyboard.type(env.E2E_GOTO_ID);
  await page.keyboard.press('Enter');
  result.goto_status = await cursorStatus(env.E2E_GOTO_STATUS);
  mark('goto');

  // The whole tree, then an edit in the file: both trees follow as you type (Ctrl+B
  // shows the side bar again).
  result.tree_lines = await allLines(tree);
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+B');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nfn added() {}', { delay: 10 });
  // \s, not a space: Monaco renders spaces as U+00A0.
  await tree.locator('.view-line', { hasText: /Item::Fn\s.*\sadded$/ }).first().waitFor({ state: 'visible' });
  // The selection follows a moment after the reload that shows the new fn.
  result.tree_selected_after_edit = await selectedLineMatching(tree, /^\s*Block\s/);
  // The whole fn (the view may show `fn added()` of a reload while typing), with the
  // cursor's node, its body, selected.
  const added = pane.locator('.monaco-list-row', { hasText: /#\d+ added \[\d+:1-\d+:14\]/ });
  await added.first().waitFor({ state: 'visible' });
  result.tree_view_added = await rowText(added.first());
  await selected.filter({ hasText: /Block/ }).first().waitFor({ state: 'visible' });
  result.tree_view_selected_after_edit = await rowText(selected.first());
  mark('tree_live');

  await runCommand('Rust AST: Show NodeIds');
  const ids = page.locator('.editor-instance .monaco-editor[data-uri^="rust-ast-ids:"]').first();
  await ids.locator('.view-line', { hasText: 'NodeId' }).first().waitFor({ state: 'visible' });
  result.node_ids = await allLines(ids);
  mark('node_ids');

  // The code lens above the autodiff attribute opens its expansion.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(env.E2E_AUTODIFF_LINE);
  await page.keyboard.press('Enter');
  await editor.locator('.codelens-decoration a', { hasText: 'Preview expansion' }).first().click();
  const expanded = page.locator('.editor-instance .monaco-editor[data-uri^="rust-ast-expand:"]').first();
  await expanded.locator('.view-line', { hasText: 'rustc_autodiff' }).first().waitFor({ state: 'visible' });
  result.expansion = await allLines(expanded);
  mark('autodiff');

  await runCommand('Rust AST: Toggle NodeId Inlay Hints');
  const hint = new RegExp(env.E2E_EXPECT_HINT.replace(/[*/]/g, '\\$&').replace(/ /g, '\\s'));
  const hinted = editor.locator('.view-line', { hasText: hint }).first();
  await hinted.waitFor({ state: 'visible' });
  result.hinted_line = plain(await hinted.textContent());
  mark('inlay_hints');
}

const failShot = env.E2E_SCREENSHOT.replace(/\.png$/, '.failure.png');
let status = 1;
try {
  const editor = await openFile();
  await (env.E2E_EXPECT_NOTIFICATION ? expectNotification() : useTheServer(editor));
  result.notifications = await notifications();
  status = 0;
} catch (err) {
  result.error = String(err?.stack ?? err).slice(0, 3000);
  result.visible_hovers = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
  // Toasts hide after a while; the notification center keeps them all.
  await page.keyboard.press('Escape').catch(() => {});
  await runCommand('Notifications: Show Notifications').catch(() => {});
  result.notifications = await notifications().catch(() => []);
  await page.screenshot({ path: failShot }).then(() => (result.failure_screenshot = failShot), () => {});
} finally {
  mark('done');
  writeFileSync(env.E2E_RESULT, JSON.stringify(result, null, 2));
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
