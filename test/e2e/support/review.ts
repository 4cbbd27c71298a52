// One screen state checked as a reviewer would: axe finds nothing (colour contrast included), nothing
// reaches past the window's sides, checkbox and radio labels stay beside their boxes, and a PNG of it is
// written to test-results/screenshots/ for a person to look at (the PNG is not compared with anything).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './axe.js';
import { screenshot } from './harness.js';
import { horizontalOverflow, labelsNotBeside } from './layout.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function reviewState(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await horizontalOverflow(page), name).toEqual([]);
  expect(await labelsNotBeside(page), name).toEqual([]);
  const file = await screenshot(page, name);
  const written = readFileSync(file);
  expect(written.length, file).toBeGreaterThan(PNG_SIGNATURE.length);
  expect(written.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE), file).toBe(true);
}
