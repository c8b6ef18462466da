/**
 * Writes docs/api.md from the API contracts and the permission table, so the reference cannot
 * drift from the code (test/integration/api-docs.test.ts fails when it does).
 *
 *   npm run docs:api
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { API } from '../src/domain/api';
import type { Access } from '../src/domain/api/contract';
import { accessOf } from '../src/domain/permissions';
import { ROLE_LABELS } from '../src/domain/roles';

export const API_DOCS_PATH = path.resolve(__dirname, '..', 'docs', 'api.md');

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
};

interface Row {
  field: string;
  type: string;
  required: boolean;
  constraints: string[];
}

const ACCESS_WORDS: Record<'public' | 'identified' | 'signedIn', string> = {
  public: '公开，无需身份',
  identified: '任何微信用户（含首次访问、尚未登记者）',
  signedIn: '任何已登记人员',
};

export function describeAccess(access: Access): string {
  if (typeof access === 'string') return `${ACCESS_WORDS[access]} \`${access}\``;
  return access.map((r) => `${ROLE_LABELS[r]} \`${r}\``).join('、');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const literal = (v: unknown): string => JSON.stringify(v);

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, '');
  return root.$defs?.[name] ?? {};
}

function typeOf(schema: JsonSchema, root: JsonSchema): string {
  const s = resolve(schema, root);
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) return s.enum.map(literal).join(' | ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map((a) => typeOf(a, root)))].join(' | ');
  if (s.allOf) return s.allOf.map((a) => typeOf(a, root)).join(' & ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (!types.length) return 'any';
  return types
    .map((t) => {
      if (t === 'array') return `${s.items ? typeOf(s.items, root) : 'any'}[]`;
      if (t === 'string' && s.format) return `string (${s.format})`;
      return t;
    })
    .join(' | ');
}

function constraintsOf(schema: JsonSchema, root: JsonSchema): string[] {
  const s = resolve(schema, root);
  const out: string[] = [];
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`length ${s.minLength}–${s.maxLength}`);
  else if (s.minLength !== undefined) out.push(`length ≥ ${s.minLength}`);
  else if (s.maxLength !== undefined) out.push(`length ≤ ${s.maxLength}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  // zod writes the safe-integer bound on every int; it says nothing to a reader.
  if (s.maximum !== undefined && s.maximum !== Number.MAX_SAFE_INTEGER) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems !== undefined) out.push(`≥ ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`≤ ${s.maxItems} items`);
  if (s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'))) out.push('integer');
  // A format's own pattern repeats the format; a pattern alone is the rule.
  if (s.pattern && !s.format) out.push(`pattern ${code(s.pattern)}`);
  if (s.default !== undefined) out.push(`default ${code(literal(s.default))}`);
  if (s.description) out.push(s.description);
  return out;
}

function rowsOf(schema: JsonSchema, root: JsonSchema, prefix = ''): Row[] {
  const s = resolve(schema, root);
  const rows: Row[] = [];
  const required = new Set(s.required ?? []);
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const field = `${prefix}${name}`;
    const prop = resolve(raw, root);
    rows.push({ field, type: typeOf(prop, root), required: required.has(name), constraints: constraintsOf(prop, root) });
    if (prop.properties) rows.push(...rowsOf(prop, root, `${field}.`));
    const item = prop.items ? resolve(prop.items, root) : undefined;
    if (item?.properties) rows.push(...rowsOf(item, root, `${field}[].`));
  }
  return rows;
}

function renderPayload(input: z.ZodType): string {
  // The caller's view: defaults make a field optional, transforms do not show.
  const root = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows = rowsOf(root, root);
  const strict = root.additionalProperties === false;
  if (!rows.length) return strict ? '**Payload:** none — send `{}` or omit it; any field is rejected.' : '**Payload:** none.';
  const table = [
    '| field | type | required | constraints |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${code(r.field)} | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${cell(r.constraints.join('; '))} |`),
  ];
  return [
    '**Payload:**',
    '',
    ...table,
    ...(strict ? ['', 'No other field is accepted (an unknown field such as `openid` is rejected, not ignored).'] : []),
  ].join('\n');
}

type Spec = { summary: string; input: z.ZodType };

export function renderApiDocs(): string {
  const functions = Object.entries(API) as Array<[keyof typeof API, Record<string, Spec>]>;
  const out: string[] = [
    '# Cloud function API',
    '',
    '<!-- Generated by `npm run docs:api` from src/domain/api and src/domain/permissions.ts. Do not edit by hand. -->',
    '',
    'Every action is called as `callFunction({ name: <function>, data: { action, payload } })` and answers',
    '`{ ok: true, data }` or `{ ok: false, error: { code, message, details? } }`; `message` is Chinese and',
    'shown to the user as is. The caller is identified by the platform (OPENID), never by the payload.',
    '',
    '**Who** lists who may call the action (checked before it runs); record-level rules',
    '(own room, own delivery, same community) are checked by the handler on top.',
    '',
    '## Contents',
    '',
    ...functions.map(
      ([fn, actions]) =>
        `- \`${fn}\`: ${Object.keys(actions)
          .map((a) => `[${a}](#${fn}${a.toLowerCase()})`)
          .join(', ')}`,
    ),
  ];
  for (const [fn, actions] of functions) {
    out.push('', `## \`${fn}\``);
    for (const [name, spec] of Object.entries(actions)) {
      const access = accessOf(fn, name);
      out.push(
        '',
        `### \`${fn}.${name}\``,
        '',
        spec.summary,
        '',
        `**Who:** ${access ? describeAccess(access) : '**missing from PERMISSIONS — nobody can call it**'}`,
        '',
        renderPayload(spec.input),
      );
    }
  }
  return out.join('\n') + '\n';
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(API_DOCS_PATH), { recursive: true });
  fs.writeFileSync(API_DOCS_PATH, renderApiDocs());
  console.log(`wrote ${path.relative(process.cwd(), API_DOCS_PATH)}`);
}
