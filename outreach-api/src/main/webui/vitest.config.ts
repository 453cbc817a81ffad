import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  esbuild: { jsx: "automatic" },
  // pure logic runs in node; component tests (*.test.tsx) ask for jsdom in their first line
  test: { include: ["test/**/*.test.ts", "test/**/*.test.tsx"], environment: "node" },
});
