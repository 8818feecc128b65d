// GitHub's REST error answers. Every error body is `{ message, documentation_url, status }`
// (status as a string, as api.github.com sends it today), plus `errors` for validation failures.
import { STATUS_CODES } from "node:http";

export const DOCS = "https://docs.github.com/rest";

/** The documentation_url GitHub puts in errors from each endpoint. */
export const DOC = {
  repo: `${DOCS}/repos/repos#get-a-repository`,
  pull: `${DOCS}/pulls/pulls#get-a-pull-request`,
  listComments: `${DOCS}/issues/comments#list-issue-comments`,
  createComment: `${DOCS}/issues/comments#create-an-issue-comment`,
  getComment: `${DOCS}/issues/comments#get-an-issue-comment`,
  updateComment: `${DOCS}/issues/comments#update-an-issue-comment`,
  deleteComment: `${DOCS}/issues/comments#delete-an-issue-comment`,
  listDeployments: `${DOCS}/deployments/deployments#list-deployments`,
  createDeployment: `${DOCS}/deployments/deployments#create-a-deployment`,
  getDeployment: `${DOCS}/deployments/deployments#get-a-deployment`,
  deleteDeployment: `${DOCS}/deployments/deployments#delete-a-deployment`,
  listStatuses: `${DOCS}/deployments/statuses#list-deployment-statuses`,
  createStatus: `${DOCS}/deployments/statuses#create-a-deployment-status`,
  getStatus: `${DOCS}/deployments/statuses#get-a-deployment-status`,
} as const;

export interface GitHubErrorBody {
  message: string;
  errors?: unknown[];
  documentation_url: string;
  status: string;
}

export function errorBody(status: number, message: string, documentationUrl = DOCS, errors?: unknown[]): GitHubErrorBody {
  return { message, ...(errors ? { errors } : {}), documentation_url: documentationUrl, status: String(status) };
}

/** Thrown by handlers; the router turns it into the reply. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = DOCS,
    readonly errors?: unknown[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): GitHubErrorBody {
    return errorBody(this.status, this.message, this.documentationUrl, this.errors);
  }
}

export const notFound = (doc: string = DOCS) => new ApiError(404, "Not Found", doc);

/** 422 "Validation Failed" with the `errors` array GitHub adds. */
export const validationFailed = (doc: string, errors: unknown[]) => new ApiError(422, "Validation Failed", doc, errors);

/** 422 from the request-schema check, e.g. `Invalid request.\n\n"body" wasn't supplied.` */
export const notSupplied = (doc: string, field: string) => new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, doc);

/** The body of an injected fault (`HttpFake.inject`): GitHub has no numeric error codes, so `code` is ignored. */
export function faultBody(status: number, _code: number | undefined, message: string | undefined): GitHubErrorBody {
  return errorBody(status, message ?? STATUS_CODES[status] ?? "Error");
}
