import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Renderer component tests: Svelte components in jsdom, driven through Testing Library.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  define: { __DOCTOR_BRIDGE__: 'true' },
  test: {
    include: ['test/renderer/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['test/renderer/setup.ts'],
    testTimeout: 15_000,
  },
});
