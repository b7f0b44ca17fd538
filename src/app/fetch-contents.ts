// Reading files at a commit economically: one GraphQL query fetches up to 100 blobs
// (`object(expression: "<sha>:<path>")`); only blobs GraphQL truncates (over 512 kB)
// or cannot show as text fall back to one REST request each, and never past the size
// limit. Queries run two at a time.
import type { GitHubClient, RepoRef } from "./github.js";

export const BLOBS_PER_QUERY = 100;
const CONCURRENCY = 2;

/**
 * A file read at a commit: its content, why it was skipped, or (with `deferLarge`) the blob
 * GraphQL would not show in full, for the caller to read when it has room for its bytes.
 */
export type FetchedFile =
  | { path: string; content: string | Buffer }
  | { path: string; skipped: string }
  | { path: string; large: { oid: string; byteSize: number } };

interface BlobNode {
  text: string | null;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  oid: string;
}

export interface BlobRequest {
  ref: string;
  path: string;
}

export interface FetchOptions {
  /** Return truncated blobs as `large` instead of reading them over REST at once. */
  deferLarge?: boolean;
  /** Queries in flight at once (default 2). */
  concurrency?: number;
}

export function tooLarge(maxBytes: number, byteSize: number): string {
  return `larger than ${maxBytes} bytes (${byteSize} bytes)`;
}

/** Files at one commit, keyed by path. */
export async function fetchFiles(
  gh: GitHubClient,
  repo: RepoRef,
  ref: string,
  paths: readonly string[],
  maxBytes: number,
  options: FetchOptions = {},
): Promise<Map<string, FetchedFile>> {
  const byKey = await fetchBlobs(
    gh,
    repo,
    paths.map((path) => ({ ref, path })),
    maxBytes,
    options,
  );
  return new Map(paths.flatMap((path) => (byKey.has(`${ref}:${path}`) ? [[path, byKey.get(`${ref}:${path}`)!]] : [])));
}

/** Files at any commits in the same batched queries, keyed `<ref>:<path>`. */
export async function fetchBlobs(
  gh: GitHubClient,
  repo: RepoRef,
  requests: readonly BlobRequest[],
  maxBytes: number,
  options: FetchOptions = {},
): Promise<Map<string, FetchedFile>> {
  const out = new Map<string, FetchedFile>();
  const batches: BlobRequest[][] = [];
  for (let i = 0; i < requests.length; i += BLOBS_PER_QUERY) batches.push(requests.slice(i, i + BLOBS_PER_QUERY));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const fields = batch
        .map(
          ({ ref, path }, i) =>
            `f${i}: object(expression: ${JSON.stringify(`${ref}:${path}`)}) { ... on Blob { text byteSize isBinary isTruncated oid } }`,
        )
        .join("\n");
      const data = await gh.graphql<{ repository: Record<string, BlobNode | null> }>(
        `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`,
        { owner: repo.owner, repo: repo.repo },
      );
      for (const [i, { ref, path }] of batch.entries()) {
        const key = `${ref}:${path}`;
        const blob = data.repository[`f${i}`];
        if (!blob) {
          out.set(key, { path, skipped: "not found at this commit" });
        } else if (blob.byteSize > maxBytes) {
          out.set(key, { path, skipped: tooLarge(maxBytes, blob.byteSize) });
        } else if (blob.isBinary) {
          out.set(key, { path, skipped: "binary file" });
        } else if (blob.text !== null && !blob.isTruncated) {
          out.set(key, { path, content: blob.text });
        } else if (options.deferLarge) {
          out.set(key, { path, large: { oid: blob.oid, byteSize: blob.byteSize } });
        } else {
          out.set(key, await fetchBlob(gh, repo, path, blob.oid, maxBytes));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? CONCURRENCY, batches.length) }, worker));
  return out;
}

/** The raw bytes of a blob over REST, for what GraphQL truncates; never more than `maxBytes`. */
export async function fetchBlob(
  gh: GitHubClient,
  repo: RepoRef,
  path: string,
  sha: string,
  maxBytes: number,
): Promise<FetchedFile> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: sha });
  // The size GraphQL reported was checked already; this guards against a blob that differs.
  const size = Number(data.size);
  if (Number.isFinite(size) && size > maxBytes) return { path, skipped: tooLarge(maxBytes, size) };
  const content = Buffer.from(
    String(data.content ?? ""),
    (data.encoding as BufferEncoding) === "utf-8" ? "utf8" : "base64",
  );
  if (content.length > maxBytes) return { path, skipped: tooLarge(maxBytes, content.length) };
  return { path, content };
}

/** Every file path at a commit (one request); null when GitHub truncated the listing. */
export async function fetchTreePaths(gh: GitHubClient, repo: RepoRef, sha: string): Promise<string[] | null> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    ...repo,
    tree_sha: sha,
    recursive: "1",
  });
  if (data.truncated) return null;
  return (data.tree as { path: string; type: string }[]).filter((e) => e.type === "blob").map((e) => e.path);
}
