import { describe, expect, it } from 'vitest';
import { judge } from './audit-deps.mjs';

// The shape of `npm audit --json` (auditReportVersion 2): a vulnerable package names its advisories in `via`, and a
// package that is only vulnerable through a dependency names that dependency instead.
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'some-parser': {
      name: 'some-parser',
      severity: 'high',
      via: [
        {
          source: 1101,
          name: 'some-parser',
          title: 'Prototype pollution',
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
          severity: 'high',
          range: '<2.0.1',
        },
        {
          source: 1102,
          name: 'some-parser',
          title: 'Slow regex',
          url: 'https://github.com/advisories/GHSA-low0-0000-0000',
          severity: 'low',
          range: '<2.0.0',
        },
      ],
    },
    'uses-parser': { name: 'uses-parser', severity: 'high', via: ['some-parser'] },
    'dev-tool': {
      name: 'dev-tool',
      severity: 'critical',
      via: [
        {
          source: 1103,
          name: 'dev-tool',
          title: 'Command injection in the watch mode',
          url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
          severity: 'critical',
          range: '<5.0.0',
        },
      ],
    },
  },
  metadata: { vulnerabilities: { low: 1, high: 2, critical: 1 } },
};

describe('dependency audit verdict', () => {
  it('fails on every high or critical advisory nobody explained, once per advisory, and ignores low ones', () => {
    const v = judge(report, {});
    expect(v.unreachable).toBeUndefined();
    expect(v.open.map((o) => o.id).sort()).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff']);
  });

  it('an advisory explained in the allowlist (by id or URL) is reported as explained, not open', () => {
    const v = judge(report, {
      'GHSA-dddd-eeee-ffff': 'dev-tool runs only in development; watch mode is not used',
      'https://github.com/advisories/GHSA-aaaa-bbbb-cccc': 'parser only reads our own committed files',
    });
    expect(v.open).toEqual([]);
    expect(v.explained.map((e) => e.id).sort()).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff']);
  });

  it('an endpoint error (405, 404, no network) is no answer, never a pass by silence', () => {
    const v = judge({ message: '405 Method Not Allowed - POST …/advisories/bulk', statusCode: 405, error: {} }, {});
    expect(v.unreachable).toMatch(/405/);
    expect(judge({}, {}).unreachable).toBe('no audit report');
  });
});
