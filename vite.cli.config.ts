import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The `doctor` command line as one ES module (plus lazily loaded chunks for practice, the knowledge base
// and proxies). Node then reads a handful of files instead of ~90 across 20 packages: about a third off
// every start (see the README's performance section).
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./main/cli/doctor.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./out/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'doctor.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
  },
  // Bundle the dependencies too (got and its 20 packages); keytar, zod and pino are never imported by the CLI.
  ssr: { noExternal: true, target: 'node' },
});
