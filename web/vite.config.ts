/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.SPOTLIGHT_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      "/api": api,
      "/stream": api,
      "/healthz": api,
      "/metrics": api,
      "/readyz": api,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // no source maps in the served client unless asked for: SOURCEMAP=1 npm run build
    sourcemap: process.env.SOURCEMAP === "1",
    chunkSizeWarningLimit: 600,
    // scripts stay files (the audio worklet): the CSP allows script-src 'self', not data:
    assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined),
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
