/** Every endpoint of /api/v1, in the order the OpenAPI document and the API page list them. */
import type { Endpoint } from "../endpoint";
import { cancelCampaignEndpoint, getCampaign, listCampaigns, sendCampaign, sendMessage } from "./campaigns";
import { createContactEndpoint, getContact, importContacts, listContacts, optOutContactEndpoint, updateContactEndpoint } from "./contacts";
import { createListEndpoint, getList, listLists, updateListEndpoint } from "./lists";
import { getMessage, listMessages } from "./messages";
import { createProviderAccount, getProviderAccount, listProviderAccounts, testProviderAccount, updateProviderAccount } from "./provider-accounts";

// Each endpoint's own types are erased here; the route files keep them.
export const ENDPOINTS = [
  sendMessage,
  sendCampaign,
  listCampaigns,
  getCampaign,
  cancelCampaignEndpoint,
  listMessages,
  getMessage,
  createContactEndpoint,
  listContacts,
  getContact,
  updateContactEndpoint,
  optOutContactEndpoint,
  importContacts,
  createListEndpoint,
  listLists,
  getList,
  updateListEndpoint,
  createProviderAccount,
  listProviderAccounts,
  getProviderAccount,
  updateProviderAccount,
  testProviderAccount,
] as unknown as Endpoint[];
