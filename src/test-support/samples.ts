// The five seed-derived sample policies the demo page shows, as test fixtures.
import shandong from '../../demo/data/policy-000-shandong-commerce-2019.json' with { type: 'json' };
import jinan from '../../demo/data/policy-001-jinan-market-2020.json' with { type: 'json' };
import anhui from '../../demo/data/policy-002-anhui-commerce-2017.json' with { type: 'json' };
import guangzhou from '../../demo/data/policy-003-guangzhou-commerce-2021.json' with { type: 'json' };
import shanxi from '../../demo/data/policy-004-shanxi-industry-2021.json' with { type: 'json' };
import type { PolicyDocument } from '../schema/types.generated.js';

export const samples = { shandong, jinan, anhui, guangzhou, shanxi } as unknown as Record<string, PolicyDocument>;

/** A fresh copy of a sample, to modify in one test without touching the others. */
export const sample = (name: keyof typeof samples & string, changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...structuredClone(samples[name]),
  ...changes,
});

/** Strings an attacker could put in any text field. */
export const HOSTILE = ['<img src=x onerror="window.__zwPwned=1">', '<script>window.__zwPwned=1</script>', '"><svg onload="window.__zwPwned=1">', 'javascript:window.__zwPwned=1'];
