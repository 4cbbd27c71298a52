// How the page is shown: its width and colour scheme, as an admin's window or system setting would set them.
import type { Page } from 'playwright-core';

export interface Layout {
  /** The viewport's width in CSS pixels (1000 unless told). */
  width?: number | undefined;
  dark?: boolean | undefined;
}

export async function showAs(page: Page, layout: Layout = {}): Promise<void> {
  await page.setViewportSize({ width: layout.width ?? 1000, height: 900 });
  await page.emulateMedia({ colorScheme: layout.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
}
