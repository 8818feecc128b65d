// The Actions cache keeps an installed wrangler (and the workerd it carries) between workflow runs.
// Loaded only when wrangler has to be installed: it is a third of the action's bundle.
import type { ToolCacheStore } from "./locate.js";

/** Where the cache service is unavailable (local runs, GHES without it), restore finds nothing and save does nothing. */
export function actionsCacheStore(): ToolCacheStore {
  const load = () => import("@actions/cache");
  return {
    restore: async (path, key) => {
      const cache = await load();
      return cache.isFeatureAvailable() && (await cache.restoreCache([path], key)) !== undefined;
    },
    save: async (path, key) => {
      const cache = await load();
      if (cache.isFeatureAvailable()) await cache.saveCache([path], key);
    },
  };
}
