import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing and imported files, relative to the source root, with forward slashes. */
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/**
 * Every relative import and re-export under `root`, type-only ones included (a type is a
 * dependency too), read with the TypeScript scanner so comments and strings do not count.
 */
export function importGraph(root: string): { files: string[]; edges: ImportEdge[] } {
  const files = sourceFiles(root);
  const edges = files.flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => ({ from: relative(root, file), to: relative(root, path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts')) }));
  });
  return { files: files.map((file) => relative(root, file)), edges };
}

/** The module a source file belongs to: its top folder, or the file itself at the root. */
export const moduleOf = (file: string): string => file.split('/')[0] ?? file;
