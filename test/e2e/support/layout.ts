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

/**
 * What reaches past the viewport's left or right edge, as "tag.class: text"; empty when nothing does.
 * Content inside its own scroll box, and visually hidden text (clipped to 1 px), do not count.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width} px`);
    // Inside a box that scrolls (or clips) on its own, or visually hidden text (clipped to 1 px).
    const contained = (element: Element): boolean => {
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        if (getComputedStyle(node).clip !== 'auto') return true;
        if (node !== element && getComputedStyle(node).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= width + 0.5 && box.left >= -0.5) continue;
      if (contained(element)) continue;
      const name = `${element.tagName.toLowerCase()}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''}`;
      found.push(
        `${name} [${Math.round(box.left)}, ${Math.round(box.right)}] of ${width} px: ${(element.textContent ?? '').trim().slice(0, 60)}`,
      );
    }
    return found;
  });
}

/** The text of each checkbox or radio label that is not beside its box (wrapped below it, or before it). */
export function labelsNotBeside(page: Page): Promise<string[]> {
  return page.locator('.field.checkbox').evaluateAll((fields) =>
    fields.flatMap((field) => {
      const box = field.querySelector('input')?.getBoundingClientRect();
      const label = field.querySelector('label')?.getBoundingClientRect();
      const beside = !!box && !!label && label.left >= box.right && label.top < box.bottom;
      return beside ? [] : [field.querySelector('label')?.textContent ?? ''];
    }),
  );
}

/** The layouts every screen state is checked in: the default width, dark mode, and a narrow 480 px window. */
export const LAYOUTS: readonly (Layout & { name: string })[] = [
  { name: 'light', width: 1000, dark: false },
  { name: 'dark', width: 1000, dark: true },
  { name: '480', width: 480, dark: false },
];
