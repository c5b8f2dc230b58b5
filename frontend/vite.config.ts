import { defineConfig } from 'vitest/config';

// Preact's JSX through esbuild: no Babel, no framework plugin needed.
// `npm run dev` proxies the API and the WebSocket to a jar running on :8080.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: {
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/login': { target: 'http://localhost:8080', bypass: (req) => (req.method === 'GET' ? req.url : undefined) },
      '/logout': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
