import * as fs from 'fs';
import { API } from '@domain/api';
import { PERMISSIONS, accessOf } from '@domain/permissions';
import { API_DOCS_PATH, renderApiDocs } from '../../scripts/gen-api-docs';

describe('docs/api.md', () => {
  it('is up to date with the API contracts and the permission table', () => {
    const rendered = renderApiDocs();
    const onDisk = fs.existsSync(API_DOCS_PATH) ? fs.readFileSync(API_DOCS_PATH, 'utf8') : '';
    if (onDisk !== rendered) throw new Error('docs/api.md has drifted from src/domain/api or permissions: run npm run docs:api');
  });

  it('gives every action in API a permission row, and every permission row an action', () => {
    const missing: string[] = [];
    for (const [fn, actions] of Object.entries(API)) {
      for (const name of Object.keys(actions)) if (!accessOf(fn as keyof typeof API, name)) missing.push(`${fn}.${name}`);
    }
    expect(missing).toEqual([]);
    const stale: string[] = [];
    for (const [fn, rows] of Object.entries(PERMISSIONS)) {
      for (const name of Object.keys(rows)) if (!(name in (API[fn as keyof typeof API] ?? {}))) stale.push(`${fn}.${name}`);
    }
    expect(stale).toEqual([]);
  });

  it('documents every action with its summary and who may call it', () => {
    const doc = renderApiDocs();
    for (const [fn, actions] of Object.entries(API)) {
      for (const [name, spec] of Object.entries(actions as Record<string, { summary: string }>)) {
        const section = doc.split(`### \`${fn}.${name}\``)[1]?.split('\n### ')[0] ?? '';
        expect(section).toContain(spec.summary);
        expect(section).toMatch(/\*\*Who:\*\* .*`[A-Za-z_]+`/);
        expect(section).not.toContain('missing from PERMISSIONS');
      }
    }
  });
});
