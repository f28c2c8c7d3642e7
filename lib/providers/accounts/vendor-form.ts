/** What the account form needs to know about a vendor: plain data, safe to hand to the browser. */
import { availableProviders, getProvider, type AnyProviderDefinition } from "../registry";
import type { Vendor } from "../types";
import { fieldsFromSchema, type FormField } from "./form-fields";

export interface VendorForm {
  vendor: Vendor;
  label: string;
  baseUrls: { label: string; url: string }[];
  maxBatchSize: number;
  credentialFields: FormField[];
  optionFields: FormField[];
}

function describe(definition: AnyProviderDefinition): VendorForm {
  return {
    vendor: definition.vendor,
    label: definition.label,
    baseUrls: definition.baseUrls,
    maxBatchSize: definition.capabilities.maxBatchSize,
    credentialFields: fieldsFromSchema(definition.credentialsSchema),
    optionFields: fieldsFromSchema(definition.optionsSchema),
  };
}

export function vendorForm(vendor: string): VendorForm {
  return describe(getProvider(vendor));
}

/** Every vendor an account can be added for (label and id), the simulator first. */
export function vendorChoices(): { vendor: Vendor; label: string }[] {
  return availableProviders().map((d) => ({ vendor: d.vendor, label: d.label }));
}
