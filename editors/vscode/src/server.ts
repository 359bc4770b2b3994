// Finding the `rust-ast serve` command: the settings first, as users who set one expect
// it to win, then `rust-ast` on PATH.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as vscode from 'vscode';

export interface ServerCommand {
  command: string;
  args: string[];
}

/** `${workspaceFolder}` and a leading `~`, as in VS Code's own path settings. */
function expand(value: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let result = folder ? value.split('${workspaceFolder}').join(folder) : value;
  if (result === '~' || result.startsWith('~/')) {
    result = path.join(os.homedir(), result.slice(1));
  }
  return result;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `name` on PATH (with PATHEXT's suffixes on Windows), like `which`. */
function onPath(name: string): string | undefined {
  const suffixes = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const suffix of suffixes) {
      const file = path.join(dir, name + suffix);
      if (dir && isExecutable(file)) {
        return file;
      }
    }
  }
  return undefined;
}

/** A setting's executable: a path as given, or a bare name looked up on PATH. */
function resolveSetting(key: string, value: string): string {
  const file = expand(value);
  const found = file.includes('/') || file.includes(path.sep) ? (isExecutable(file) ? file : undefined) : onPath(file);
  if (found === undefined) {
    throw new ServerNotFound(`the setting rustAst.${key} is "${value}", which is not an executable file.`);
  }
  return found;
}

export class ServerNotFound extends Error {}

/** The command that starts the server over stdio; throws ServerNotFound with the fix. */
export async function locateServer(): Promise<ServerCommand> {
  const cfg = vscode.workspace.getConfiguration('rustAst.server');
  const serverPath = cfg.get<string>('path', '').trim();
  if (serverPath) {
    return { command: resolveSetting('server.path', serverPath), args: ['serve'] };
  }
  const python = cfg.get<string>('python', '').trim();
  if (python) {
    const command = resolveSetting('server.python', python);
    // A Python without rust-ast is the likely mistake; naming it beats five failed restarts.
    try {
      await promisify(execFile)(command, ['-c', 'import server.server'], { timeout: 30000 });
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr?.trim();
      const why = stderr ? stderr.split('\n').pop() : String(err);
      throw new ServerNotFound(`the setting rustAst.server.python is "${python}", which cannot import rust-ast (${why}).`);
    }
    // server/__main__.py runs the same main as the `rust-ast` console script.
    return { command, args: ['-m', 'server', 'serve'] };
  }
  const found = onPath('rust-ast');
  if (found === undefined) {
    throw new ServerNotFound(
      'the rust-ast language server is not on PATH. Install it (`pip install .` in a rust-ast checkout), ' +
        'or set rustAst.server.path to the rust-ast executable, ' +
        'or rustAst.server.python to a Python that has it installed.',
    );
  }
  return { command: found, args: ['serve'] };
}
