import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden(): pages for a role the user lacks answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
