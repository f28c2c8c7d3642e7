/**
 * Every gateway the app knows, by vendor id. The account pages, the account loader and the delivery engine
 * look vendors up here instead of importing vendor folders themselves.
 */
import { bulksmsProvider } from "./bulksms";
import { didwwProvider } from "./didww";
import { masivProvider } from "./masiv";
import { mttmProvider } from "./mttm";
import { ogangiProvider } from "./ogangi";
import { simulatorProvider } from "./simulator";
import type { ProviderDefinition, Vendor } from "./types";
import { UserError } from "@/lib/errors";

/** A definition whose credentials and options are only known through its schemas (parse before use). */
export type AnyProviderDefinition = ProviderDefinition<unknown, unknown>;
type AnyDefinition = AnyProviderDefinition;

const definitions: Record<Vendor, AnyDefinition> = {
  simulator: simulatorProvider,
  mttm: mttmProvider,
  didww: didwwProvider,
  bulksms: bulksmsProvider,
  masiv: masivProvider,
  ogangi: ogangiProvider,
};

/** The vendors an admin can add an account for, the simulator first. */
export function availableProviders(): AnyDefinition[] {
  return Object.values(definitions);
}

/** The definition of `vendor`, or undefined when this build has no adapter for it. */
export function findProvider(vendor: string): AnyDefinition | undefined {
  return Object.hasOwn(definitions, vendor) ? definitions[vendor as Vendor] : undefined;
}

/** The definition of `vendor`; a UserError when this build has no adapter for it. */
export function getProvider(vendor: string): AnyDefinition {
  const definition = findProvider(vendor);
  if (!definition) throw new UserError(`No gateway adapter is available for "${vendor}" in this version.`, 400);
  return definition;
}
