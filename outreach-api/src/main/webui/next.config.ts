import type { NextConfig } from "next";

// Static export served by outreach-api at "/" (copied into META-INF/resources by the Maven build).
// trailingSlash: every route is a real folder with an index.html, so a refresh on /queue/ or /import/ works
// without a server-side SPA fallback.
const nextConfig: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
