import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, moduleOf } from './import-graph.js';
import { LAYERS } from './layers.js';

const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));
const serverSource = path.join(packagesDir, 'server/src');
const { files, edges } = importGraph(serverSource);
const rank = new Map(LAYERS.flatMap(({ modules }, index) => modules.map((name) => [name, index] as const)));
const between = edges.filter((edge) => moduleOf(edge.from) !== moduleOf(edge.to));

describe('the layers of docs/architecture.md', () => {
  it('places every module of the server in a layer', () => {
    const unplaced = [...new Set(files.map(moduleOf))].filter((name) => !rank.has(name));
    expect(unplaced).toEqual([]);
  });

  it('has no import that points sideways or up', () => {
    const wrong = between.filter((edge) => (rank.get(moduleOf(edge.to)) ?? -1) >= (rank.get(moduleOf(edge.from)) ?? -1)).map((edge) => `${edge.from} -> ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it('has no two modules that import each other', () => {
    const pairs = new Set(between.map((edge) => `${moduleOf(edge.from)} -> ${moduleOf(edge.to)}`));
    const mutual = [...pairs].filter((pair) => pairs.has(pair.split(' -> ').reverse().join(' -> ')));
    expect(mutual).toEqual([]);
  });

  it('imports a route file only where routes are registered or listed', () => {
    const isRouteFile = (file: string) => /\.routes?\.ts$/.test(file);
    const registers = (file: string) => /(-plugin|\/operations|open-api-operations)\.ts$/.test(file) || file === 'app.ts';
    const asLibrary = edges.filter((edge) => isRouteFile(edge.to) && !registers(edge.from)).map((edge) => `${edge.from} -> ${edge.to}`);
    expect(asLibrary).toEqual([]);
  });

  it('runs no SQL in a route file: routes adapt, services decide, repositories query', () => {
    const querying = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(|\bsql`/;
    const routesWithSql = files.filter((file) => /\.routes?\.ts$/.test(file) && querying.test(readFileSync(path.join(serverSource, file), 'utf8')));
    expect(routesWithSql).toEqual([]);
  });
});
