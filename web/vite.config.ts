import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is served by the Fastify API at the same origin.
// In development, Vite proxies the API paths to the API server (API_URL, default 127.0.0.1:3000).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxiedPaths = ['/api', '/healthz', '/readyz'];
const proxy = Object.fromEntries(
  proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }]),
);

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~540 kB minified (~175 kB gzip); it is split into its own cached chunk below.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so application changes do not invalidate them in browser caches.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|@emotion|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
