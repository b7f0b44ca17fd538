// The App's repository indexes: the recursive trees of base and head give every Python blob's
// SHA; only blobs the process-wide cache lacks (and the changed files, to place findings) are
// read, through the batched GraphQL blob queries of fetch-contents (100 blobs per query).
import {
  indexRepository,
  isModulePath,
  sharedBlobCache,
  type ApiInput,
  type BlobIndexCache,
  type IndexFile,
} from "../engine/api/index.js";
import { isIncluded } from "../engine/files.js";
import type { ChangedFile } from "../planner/types.js";
import { fetchFiles } from "./fetch-contents.js";
import type { GitHubClient, RepoRef } from "./github.js";

export interface TreeBlob {
  path: string;
  sha: string;
}

/**
 * Every blob of a commit with its SHA (one request); null when GitHub truncated the listing.
 * The review pipeline lists head with it once, for the project's paths and for the index.
 */
export async function fetchTreeBlobs(gh: GitHubClient, repo: RepoRef, sha: string): Promise<TreeBlob[] | null> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    ...repo,
    tree_sha: sha,
    recursive: "1",
  });
  if (data.truncated) return null;
  return (data.tree as { path: string; type: string; sha?: string }[])
    .filter((e) => e.type === "blob")
    .map((e) => ({ path: e.path, sha: e.sha ?? "" }));
}

function pythonBlobs(blobs: TreeBlob[] | null, options: ApiFetchOptions): TreeBlob[] | null {
  if (!blobs || blobs.some((b) => !b.sha)) return null;
  return blobs.filter((b) => isModulePath(b.path) && isIncluded(b.path, options.include, options.exclude));
}

export interface ApiFetchOptions {
  maxFileSize: number;
  namespacePackages: readonly string[];
  /** Config include/exclude: excluded files (vendored code, fixtures) are not indexed. */
  include: readonly string[];
  exclude: readonly string[];
  cache?: BlobIndexCache;
}

/**
 * Base and head indexes for the api checks, or null when the pull request changes no Python
 * or a tree is too large to list (the checks then stay silent).
 */
export async function fetchApiInput(
  gh: GitHubClient,
  repo: RepoRef,
  pr: { baseSha: string; headSha: string },
  changedFiles: readonly ChangedFile[],
  options: ApiFetchOptions,
  /** The head tree when the caller listed it already (saves a request). */
  headTree?: TreeBlob[] | null,
): Promise<ApiInput | null> {
  if (!changedFiles.some((f) => isModulePath(f.path) || (f.previousPath && isModulePath(f.previousPath)))) return null;
  const cache = options.cache ?? sharedBlobCache;
  const headBlobs = pythonBlobs(headTree ?? (await fetchTreeBlobs(gh, repo, pr.headSha)), options);
  if (!headBlobs) return null;
  const baseBlobs = pythonBlobs(await fetchTreeBlobs(gh, repo, pr.baseSha), options);
  if (!baseBlobs || !headBlobs) return null;
  const changed = new Set(changedFiles.flatMap((f) => (f.previousPath ? [f.path, f.previousPath] : [f.path])));
  // Each missing blob is read once, at whichever commit has it.
  const wanted = new Map<string, { ref: string; path: string }>();
  for (const [ref, blobs] of [
    [pr.headSha, headBlobs],
    [pr.baseSha, baseBlobs],
  ] as const)
    for (const blob of blobs)
      if ((!cache.has(blob.sha) || changed.has(blob.path)) && !wanted.has(blob.sha))
        wanted.set(blob.sha, { ref, path: blob.path });
  const texts = new Map<string, string>();
  for (const ref of [pr.headSha, pr.baseSha]) {
    const paths = [...wanted.values()].filter((w) => w.ref === ref).map((w) => w.path);
    if (paths.length === 0) continue;
    const fetched = await fetchFiles(gh, repo, ref, paths, options.maxFileSize);
    const shaOf = new Map([...wanted].filter(([, w]) => w.ref === ref).map(([sha, w]) => [w.path, sha]));
    for (const [path, file] of fetched)
      if ("content" in file) texts.set(shaOf.get(path)!, file.content.toString().replace(/^\uFEFF/, ""));
  }
  const files = (blobs: TreeBlob[]): IndexFile[] => blobs.map((b) => ({ ...b, text: texts.get(b.sha) }));
  const changedTexts = (blobs: TreeBlob[]): Record<string, string> =>
    Object.fromEntries(
      blobs.filter((b) => changed.has(b.path) && texts.has(b.sha)).map((b) => [b.path, texts.get(b.sha)!]),
    );
  const index = { namespacePackages: options.namespacePackages, cache };
  return {
    base: await indexRepository(files(baseBlobs), index),
    head: await indexRepository(files(headBlobs), index),
    baseTexts: changedTexts(baseBlobs),
    headTexts: changedTexts(headBlobs),
  };
}

/** fetchApiInput for the review pipeline: a failure leaves the api checks silent, never the review. */
export async function tryFetchApiInput(...args: Parameters<typeof fetchApiInput>): Promise<ApiInput | null> {
  try {
    return await fetchApiInput(...args);
  } catch {
    return null;
  }
}
