// Wrangler's machine-readable results (WRANGLER_OUTPUT_FILE_PATH): one JSON record a line.
// We read these, never stdout: wrangler's human output changes between versions.

export interface DeployRecord {
  type: "deploy";
  worker_name: string;
  version_id: string | null;
  targets: string[] | null;
}
export interface VersionUploadRecord {
  type: "version-upload";
  worker_name: string;
  version_id: string;
  preview_url?: string;
  preview_alias_url?: string;
}
export interface VersionDeployRecord {
  type: "version-deploy";
  deployment_id: string;
  version_traffic: Record<string, number>;
}
/** `wrangler preview` (Worker Previews, 4.135+). */
export interface PreviewRecord {
  type: "preview";
  worker_name: string;
  preview_id: string;
  preview_name: string;
  preview_slug?: string;
  preview_urls?: string[];
  deployment_id: string;
  deployment_urls?: string[];
}
export interface CommandFailedRecord {
  type: "command-failed";
  code?: number;
  message?: string;
  retry_after_ms?: number;
}
export type WranglerRecord =
  | DeployRecord
  | VersionUploadRecord
  | VersionDeployRecord
  | PreviewRecord
  | CommandFailedRecord
  | { type: string; [key: string]: unknown };

export function parseOutputFile(text: string): WranglerRecord[] {
  const records: WranglerRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line);
      if (record && typeof record.type === "string") records.push(record);
    } catch {
      // A torn last line (wrangler killed mid-write) carries nothing we can use.
    }
  }
  return records;
}

export function findRecord<T extends WranglerRecord["type"]>(
  records: WranglerRecord[],
  type: T,
): Extract<WranglerRecord, { type: T }> | undefined {
  return records.findLast((r) => r.type === type) as Extract<WranglerRecord, { type: T }> | undefined;
}

/** The https:// URLs among a deploy's targets (the rest are cron schedules and route patterns). */
export function deployUrls(record: DeployRecord): string[] {
  return (record.targets ?? []).map((t) => t.split(" ")[0]).filter((t) => t.startsWith("https://"));
}
