// Reading files at a commit economically: one GraphQL query fetches up to 100 blobs
// (`object(expression: "<sha>:<path>")`); only blobs GraphQL truncates (over 512 kB)
// or cannot show as text fall back to one REST request each. Queries run two at a time.
import type { GitHubClient, RepoRef } from "./github.js";

export const BLOBS_PER_QUERY = 100;
const CONCURRENCY = 2;

export type FetchedFile = { path: string; content: string | Buffer } | { path: string; skipped: string };

interface BlobNode {
  text: string | null;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  oid: string;
}

export async function fetchFiles(
  gh: GitHubClient,
  repo: RepoRef,
  ref: string,
  paths: readonly string[],
  maxBytes: number,
): Promise<Map<string, FetchedFile>> {
  const out = new Map<string, FetchedFile>();
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BLOBS_PER_QUERY) batches.push(paths.slice(i, i + BLOBS_PER_QUERY));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const fields = batch
        .map(
          (path, i) =>
            `f${i}: object(expression: ${JSON.stringify(`${ref}:${path}`)}) { ... on Blob { text byteSize isBinary isTruncated oid } }`,
        )
        .join("\n");
      const data = await gh.graphql<{ repository: Record<string, BlobNode | null> }>(
        `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`,
        { owner: repo.owner, repo: repo.repo },
      );
      for (const [i, path] of batch.entries()) {
        const blob = data.repository[`f${i}`];
        if (!blob) {
          out.set(path, { path, skipped: "not found at this commit" });
        } else if (blob.byteSize > maxBytes) {
          out.set(path, { path, skipped: `larger than ${maxBytes} bytes (${blob.byteSize} bytes)` });
        } else if (blob.isBinary) {
          out.set(path, { path, skipped: "binary file" });
        } else if (blob.text !== null && !blob.isTruncated) {
          out.set(path, { path, content: blob.text });
        } else {
          out.set(path, { path, content: await fetchBlob(gh, repo, blob.oid) });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, worker));
  return out;
}

/** The raw bytes of a blob (REST; up to 100 MB), for what GraphQL truncates. */
export async function fetchBlob(gh: GitHubClient, repo: RepoRef, sha: string): Promise<Buffer> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: sha });
  return Buffer.from(String(data.content ?? ""), (data.encoding as BufferEncoding) === "utf-8" ? "utf8" : "base64");
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
