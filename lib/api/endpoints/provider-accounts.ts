/**
 * Provider accounts, for keys with the admin scope. Credentials are write-only: they can be set and
 * replaced, and an answer only says which credential fields hold a value.
 */
import { z } from "zod";
import { type AccountDetails, getAccountDetails } from "@/lib/providers/accounts/account-view";
import { accountFormSchema, type AccountFormValues } from "@/lib/providers/accounts/account.schema";
import { getAccountOrThrow } from "@/lib/providers/accounts/load-account";
import { createAccount, updateAccount } from "@/lib/providers/accounts/save-account";
import { testConnection } from "@/lib/providers/accounts/test-connection";
import { getProvider } from "@/lib/providers/registry";
import { idParamsSchema } from "../common.schema";
import { defineEndpoint } from "../endpoint";
import type { ApiServices } from "../services";

const TAG = "Provider accounts";

const credentials = z.record(z.string(), z.string().max(1000)).describe("Write-only. The vendor's credential fields (e.g. username, password); never returned.");
const options = z.record(z.string(), z.unknown()).describe("The vendor's non-secret options, as on the provider page; missing ones take their defaults.");

export const providerAccountSchema = z.object({
  id: z.number().int(),
  vendor: accountFormSchema.shape.vendor,
  name: z.string(),
  baseUrl: z.string(),
  defaultSender: z.string().nullable(),
  rateLimitPerSecond: z.number().int(),
  batchSize: z.number().int(),
  timeoutMs: z.number().int(),
  pricePerSegment: z.string(),
  currency: z.string(),
  enabled: z.boolean(),
  options: z.record(z.string(), z.unknown()),
  credentialsSet: z.record(z.string(), z.boolean()).describe("Which credential fields hold a value."),
  webhookUrls: z.object({ deliveryReport: z.string(), batchCallback: z.string(), batchErrback: z.string(), inbound: z.string() }).describe("URLs to paste into the vendor's portal."),
  capabilities: z.record(z.string(), z.unknown()).nullable(),
});

function present(a: AccountDetails): z.infer<typeof providerAccountSchema> {
  return {
    id: a.id,
    vendor: a.vendor,
    name: a.name,
    baseUrl: a.baseUrl,
    defaultSender: a.defaultSender,
    rateLimitPerSecond: a.rateLimitPerSecond,
    batchSize: a.batchSize,
    timeoutMs: a.timeoutMs,
    pricePerSegment: a.pricePerSegment,
    currency: a.currency,
    enabled: a.enabled,
    options: a.options,
    credentialsSet: a.credentials.set,
    webhookUrls: { ...a.webhookUrls },
    capabilities: a.capabilities ? { ...a.capabilities } : null,
  };
}

const details = async (services: ApiServices, id: number) => present(await getAccountDetails(services.db, id, services.encryptionKey, services.appUrl));

const createBody = accountFormSchema
  .omit({ id: true })
  .partial({ defaultSender: true, rateLimitPerSecond: true, batchSize: true, timeoutMs: true, pricePerSegment: true, currency: true })
  .extend({ credentials: credentials.default({}), options: options.default({}) });

export const createProviderAccount = defineEndpoint({
  operationId: "createProviderAccount",
  method: "POST",
  path: "/provider-accounts",
  tag: TAG,
  summary: "Add a provider account",
  description: "Defaults: 10 messages/second, a batch of up to 100 (or the gateway's maximum), 15 s timeout, price 0 USD.",
  scope: "admin",
  body: createBody,
  response: { status: 201, description: "The new account (without credentials).", schema: providerAccountSchema },
  handle: async ({ services, body, principal }) => {
    const values: AccountFormValues = {
      ...body,
      defaultSender: body.defaultSender ?? "",
      rateLimitPerSecond: body.rateLimitPerSecond ?? 10,
      batchSize: body.batchSize ?? Math.min(100, getProvider(body.vendor).capabilities.maxBatchSize),
      timeoutMs: body.timeoutMs ?? 15_000,
      pricePerSegment: body.pricePerSegment ?? "0",
      currency: body.currency ?? "USD",
    };
    const { id } = await createAccount(services.db, { apiKeyId: principal.keyId }, values, services.encryptionKey);
    return details(services, id);
  },
});

export const listProviderAccounts = defineEndpoint({
  operationId: "listProviderAccounts",
  method: "GET",
  path: "/provider-accounts",
  tag: TAG,
  summary: "List provider accounts",
  scope: "admin",
  response: { status: 200, description: "Every account, by name.", schema: z.object({ data: z.array(providerAccountSchema) }) },
  handle: async ({ services }) => {
    const ids = await services.db.providerAccount.findMany({ orderBy: { name: "asc" }, select: { id: true } });
    return { data: await Promise.all(ids.map(({ id }) => details(services, id))) };
  },
});

export const getProviderAccount = defineEndpoint({
  operationId: "getProviderAccount",
  method: "GET",
  path: "/provider-accounts/{id}",
  tag: TAG,
  summary: "Get a provider account",
  scope: "admin",
  params: idParamsSchema,
  response: { status: 200, description: "The account (without credentials).", schema: providerAccountSchema },
  handle: async ({ services, params }) => details(services, params.id),
});

const shape = accountFormSchema.shape;

export const updateProviderAccount = defineEndpoint({
  operationId: "updateProviderAccount",
  method: "PATCH",
  path: "/provider-accounts/{id}",
  tag: TAG,
  summary: "Change a provider account",
  description: "Only the fields sent change; credential fields sent replace the stored ones, the others are kept. `options` are merged into the stored options. The vendor cannot change.",
  scope: "admin",
  params: idParamsSchema,
  body: z.object({
    name: shape.name.optional(),
    baseUrl: shape.baseUrl.optional(),
    defaultSender: z.string().trim().max(20).optional(),
    rateLimitPerSecond: shape.rateLimitPerSecond.optional(),
    batchSize: shape.batchSize.optional(),
    timeoutMs: shape.timeoutMs.optional(),
    pricePerSegment: shape.pricePerSegment.optional(),
    currency: shape.currency.optional(),
    credentials: credentials.optional(),
    options: options.optional(),
  }),
  response: { status: 200, description: "The updated account (without credentials).", schema: providerAccountSchema },
  handle: async ({ services, params, body, principal }) => {
    const current = await getAccountOrThrow(services.db, params.id);
    const values: AccountFormValues = {
      vendor: current.vendor,
      name: body.name ?? current.name,
      baseUrl: body.baseUrl ?? current.baseUrl,
      defaultSender: body.defaultSender ?? current.defaultSender ?? "",
      rateLimitPerSecond: body.rateLimitPerSecond ?? current.rateLimitPerSecond,
      batchSize: body.batchSize ?? current.batchSize,
      timeoutMs: body.timeoutMs ?? current.timeoutMs,
      pricePerSegment: body.pricePerSegment ?? current.pricePerSegment.toString(),
      currency: body.currency ?? current.currency,
      credentials: body.credentials ?? {},
      options: { ...((current.options ?? {}) as Record<string, unknown>), ...body.options },
    };
    await updateAccount(services.db, { apiKeyId: principal.keyId }, params.id, values, services.encryptionKey);
    return details(services, params.id);
  },
});

export const testProviderAccount = defineEndpoint({
  operationId: "testProviderAccount",
  method: "POST",
  path: "/provider-accounts/{id}/test",
  tag: TAG,
  summary: "Test a provider account's connection",
  description: "Runs the gateway's harmless check (e.g. a balance request). A gateway problem is an answer with `ok: false`, not an error.",
  scope: "admin",
  params: idParamsSchema,
  body: z.object({}).optional(),
  response: { status: 200, description: "The outcome of the check.", schema: z.object({ ok: z.boolean(), message: z.string() }) },
  handle: async ({ services, params }) => testConnection(services.db, params.id, services.encryptionKey),
});
