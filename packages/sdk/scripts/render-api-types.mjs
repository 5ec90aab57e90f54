// Renders TypeScript types for the SDK from the server's openapi.json, so the client's types are
// the server's schemas and cannot drift (a test renders again and compares with the committed file).

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function pascal(operationId) {
  return operationId.split(/[_\-/]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function comment(description, indent) {
  if (!description) return '';
  return `${indent}/** ${String(description).replace(/\*\//g, '*\\/')} */\n`;
}

function propertyName(name) {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** JSON Schema (the subset TypeBox emits) → a TypeScript type expression. */
function typeOf(schema, named, indent = '') {
  // A titled schema identical to the named one is written by name (the named type itself is
  // rendered with its own entry left out of `named`).
  if (schema.title && named.get(schema.title) === JSON.stringify(schema)) return schema.title;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((variant) => typeOf(variant, named, indent)).join(' | ');
  if (schema.allOf) return schema.allOf.map((part) => typeOf(part, named, indent)).join(' & ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = typeOf(schema.items ?? {}, named, indent);
      return /[|&]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object':
      return objectType(schema, named, indent);
    default:
      return schema.not ? 'never' : 'unknown';
  }
}

function objectType(schema, named, indent) {
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const optional = required.has(name) ? '' : '?';
    return `${comment(property.description, inner)}${inner}${propertyName(name)}${optional}: ${typeOf(property, named, inner)};`;
  });
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${indent}}`;
}

/** Collects schemas that carry a title (Review, Rating, …) to render them once, as named types. */
function collectNamed(node, named) {
  if (node === null || typeof node !== 'object') return;
  if (typeof node.title === 'string' && /^[A-Z][A-Za-z]*$/.test(node.title) && !named.has(node.title)) named.set(node.title, JSON.stringify(node));
  for (const value of Object.values(node)) collectNamed(value, named);
}

export function renderApiTypes(document) {
  const named = new Map();
  collectNamed(document.paths, named);
  const out = [
    '// Generated from openapi.json by scripts/generate-types.mjs. Do not edit by hand:',
    '// run `npm run generate -w @plaudit/sdk` after the server routes change.',
    '/* eslint-disable */',
    '',
  ];
  for (const [title, json] of [...named]) {
    named.delete(title);
    out.push(`export type ${title} = ${typeOf(JSON.parse(json), named)};`, '');
    named.set(title, json);
  }
  const operations = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation.operationId) continue;
      const name = pascal(operation.operationId);
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const querySchema = { type: 'object', properties: Object.fromEntries(query.map((p) => [p.name, { ...p.schema, description: p.description ?? p.schema.description }])), required: query.filter((p) => p.required).map((p) => p.name) };
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const dataSchema = operation.responses?.['200']?.content?.['application/json']?.schema?.properties?.data ?? {};
      out.push(`${comment(operation.summary, '')}export type ${name}Query = ${typeOf(querySchema, named)};`, '');
      out.push(`export type ${name}Body = ${bodySchema ? typeOf(bodySchema, named) : 'Record<string, never>'};`, '');
      out.push(`export type ${name}Data = ${typeOf(dataSchema, named)};`, '');
      operations.push({ id: operation.operationId, name, method: method.toUpperCase(), path, scope: operation.security?.find((s) => s.BearerAuth)?.BearerAuth?.[0] ?? '' });
    }
  }
  out.push('/** Every Open API operation: its method, path, required OAuth scope and wire types. */');
  out.push('export interface Operations {');
  for (const op of operations) out.push(`  ${propertyName(op.id)}: { method: '${op.method}'; query: ${op.name}Query; body: ${op.name}Body; data: ${op.name}Data };`);
  out.push('}', '');
  out.push('export type OperationId = keyof Operations;', '');
  out.push('export const operations = {');
  for (const op of operations) out.push(`  ${propertyName(op.id)}: { method: '${op.method}', path: '${op.path}', scope: '${op.scope}' },`);
  out.push('} as const satisfies Record<OperationId, { method: string; path: string; scope: string }>;', '');
  return out.join('\n');
}
