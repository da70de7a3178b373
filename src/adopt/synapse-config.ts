import { parse } from 'yaml';

/**
 * Synapse's configuration as Synapse itself reads it: every --config-path in order, a
 * directory standing for its *.yaml files in name order, each file's top-level keys replacing
 * those of the files before (a shallow merge: a list or a section is replaced whole).
 */
export interface ConfigFile {
  path: string;
  /** Top-level keys this file sets. */
  keys: string[];
}

export interface SynapseConfig {
  files: ConfigFile[];
  /** The effective configuration. */
  merged: Record<string, unknown>;
  /** Which file the effective value of each key comes from. */
  setBy: Record<string, string>;
  /** Files that could not be read or parsed (Synapse would not start with them either). */
  problems: string[];
}

/** How the config paths are read; the machine's filesystem or a fixture. */
export interface ConfigReader {
  isDirectory(path: string): boolean;
  /** Entry names of a directory. */
  list(path: string): string[];
  read(path: string): string;
}

/** The files a list of --config-path arguments stands for, in the order Synapse reads them. */
export function expandConfigPaths(configPaths: string[], reader: ConfigReader): string[] {
  const files: string[] = [];
  for (const path of configPaths) {
    if (reader.isDirectory(path)) {
      const dir = path.replace(/\/+$/, '');
      for (const name of [...reader.list(dir)].sort()) {
        if (name.endsWith('.yaml') && !reader.isDirectory(`${dir}/${name}`)) files.push(`${dir}/${name}`);
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

export function readSynapseConfig(configPaths: string[], reader: ConfigReader): SynapseConfig {
  const documents: Array<{ path: string; text: string }> = [];
  const problems: string[] = [];
  for (const path of expandConfigPaths(configPaths, reader)) {
    try {
      documents.push({ path, text: reader.read(path) });
    } catch (error) {
      problems.push(`${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const merged = mergeConfigDocuments(documents);
  return { ...merged, problems: [...problems, ...merged.problems] };
}

/** The shallow merge of already-read documents (exported for tests). */
export function mergeConfigDocuments(documents: Array<{ path: string; text: string }>): SynapseConfig {
  const files: ConfigFile[] = [];
  const merged: Record<string, unknown> = {};
  const setBy: Record<string, string> = {};
  const problems: string[] = [];
  for (const { path, text } of documents) {
    let doc: unknown;
    try {
      // Synapse reads YAML 1.1 (PyYAML): "on"/"yes" are booleans there.
      doc = parse(text, { version: '1.1' });
    } catch (error) {
      problems.push(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    if (doc === null || doc === undefined) {
      files.push({ path, keys: [] });
      continue;
    }
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push(`${path}: not a mapping of settings`);
      continue;
    }
    const keys = Object.keys(doc as object);
    files.push({ path, keys });
    for (const key of keys) {
      merged[key] = (doc as Record<string, unknown>)[key];
      setBy[key] = path;
    }
  }
  return { files, merged, setBy, problems };
}
