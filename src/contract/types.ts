// The contract suite the action runs against a worker in workerd before deploying it.
// Plain fetch and plain assertions: it runs on a GitHub runner, where there is no test framework.

export interface ContractClient {
  /** The worker's origin, e.g. http://127.0.0.1:41234 */
  readonly base: string;
  /** The API key the worker under test accepts. */
  readonly key: string;
  /** A request with `Authorization: Bearer <key>` (unless headers override it) and a JSON body when given. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The request's JSON answer, after checking its status (200 unless given). */
  json<T = any>(method: string, path: string, body?: unknown, expectStatus?: number, headers?: Record<string, string>): Promise<T>;
}

export interface Check {
  name: string;
  run(client: ContractClient): Promise<void>;
}

export interface Group {
  name: string;
  /** What a user sees in the report. */
  description: string;
  checks: Check[];
}

export interface CheckResult {
  group: string;
  check: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ContractReport {
  worker: string;
  groups: string[];
  passed: number;
  failed: number;
  ms: number;
  results: CheckResult[];
}
