// The TLS-inspection question's examples are products the tool recognises on a certificate
// (inspection-products.ts), named as the result names them, so the list and the question cannot drift.
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';
import { INSPECTION_PRODUCTS } from '../../main/knowledge/inspection-products.js';

describe('the TLS-inspection question', () => {
  it('names as examples only inspecting products of the network kind, by the names the tool uses', () => {
    const questions = new Set(
      KNOWLEDGE_BASE.flatMap((entry) => entry.causes.filter((cause) => cause.id === 'tls-inspection')).map((cause) => cause.question),
    );
    expect(questions.size).toBe(1);
    const [question = ''] = questions;
    const examples = /\(for example ([^)]*(?:\([^)]*\)[^)]*)*)\)\?$/.exec(question)?.[1]?.split(', ') ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const networkProducts = INSPECTION_PRODUCTS.filter((product) => product.runsOn === 'network').map((product) => product.name);
    for (const example of examples) expect(networkProducts, example).toContain(example);
  });
});
