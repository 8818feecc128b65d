interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): unknown;
}
export interface LocalProxy {
  /** The proxy's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The Miniflare instance (e.g. getDurableObjectNamespace("STATE", "proxy") to reach the usage ledger). */
  mf: { dispose(): Promise<void>; getDurableObjectNamespace(binding: string, worker?: string): Promise<DurableObjectNamespaceLike> };
  /** The stub's call log (models and inputs of every Workers AI call). */
  stubCalls(): Promise<{ model: string; inputs: unknown }[]>;
  dispose(): Promise<void>;
}
export function startLocalProxy(bindings: Record<string, string>): Promise<LocalProxy>;
