import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

// No @vitejs/plugin-react: Vite's own esbuild compiles TSX with React's automatic runtime.
export default defineConfig(({ command }) => ({
  root,
  base: '/',
  // A build started from a test runner inherits NODE_ENV=test, which would ship React's
  // development bundle and dev JSX (bigger, slower); a build is always a production build.
  esbuild: { jsx: 'automatic', jsxDev: command !== 'build' },
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: {
      // The CTML writer the criteria editor shares with the server imports `yaml` for its
      // formatter, which the browser never calls: let the bundler drop what is unused.
      treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/yaml/') },
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for RSC bundlers; meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
    },
  },
  server: { port: 5173, proxy: api },
  preview: { proxy: api },
}));
