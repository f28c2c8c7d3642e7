/**
 * The built-in simulator: a gateway inside the app, the default account of a fresh install, so the
 * product works with no credentials at all. It implements the same contract as the real vendors.
 */
import type { ProviderDefinition } from "../types";
import { createSimulatorAdapter } from "./adapter";
import {
  SIMULATOR_BASE_URL,
  SIMULATOR_CAPABILITIES,
  simulatorCredentialsSchema,
  simulatorOptionsSchema,
  type SimulatorCredentials,
  type SimulatorOptions,
} from "./settings";

export const simulatorProvider: ProviderDefinition<SimulatorCredentials, SimulatorOptions> = {
  vendor: "simulator",
  label: "Simulator (built in)",
  baseUrls: [{ label: "Built in (no network)", url: SIMULATOR_BASE_URL }],
  credentialsSchema: simulatorCredentialsSchema,
  optionsSchema: simulatorOptionsSchema,
  capabilities: SIMULATOR_CAPABILITIES,
  create: (settings) => createSimulatorAdapter(settings),
};

export { simulateReply } from "./simulate-reply";
export type { SimulatorOptions } from "./settings";
