import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden(): pages for a role the user lacks answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Lets concurrent end-to-end runs build side by side (playwright.config.ts); `.next` otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Type-checking is its own step (`npm run typecheck`, part of `npm test`), so a build is not slowed
  // down or blocked by test files.
  // End-to-end builds point Next at a tsconfig of their own, which Next edits instead of ours.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG || "tsconfig.json" },
};

export default nextConfig;
