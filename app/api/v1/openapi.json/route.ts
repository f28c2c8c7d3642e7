/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, public like any API reference. */
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiServices } from "@/lib/api/services";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(apiServices().appUrl));
}
