// The App's repository indexes: the recursive trees of base and head give every Python blob's
// SHA; only blobs the process-wide cache lacks (and the changed files, to place findings) are
// read, per commit through whichever takes fewer requests: the batched GraphQL blob queries of
// fetch-contents (100 blobs per query) or one tarball request (fetch-tarball).
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
import { BLOBS_PER_QUERY, fetchFiles } from "./fetch-contents.js";
import { fetchTarballTexts, TAR_HEADER_BYTES } from "./fetch-tarball.js";
import type { GitHubClient, RepoRef } from "./github.js";

export interface TreeBlob {
  path: string;
  sha: string;
  /** Bytes, as the tree listing gives them. */
  size?: number;
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
  return (data.tree as { path: string; type: string; sha?: string; size?: number }[])
    .filter((e) => e.type === "blob")
    .map((e) => ({ path: e.path, sha: e.sha ?? "", ...(typeof e.size === "number" ? { size: e.size } : {}) }));
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
  /** The most uncompressed bytes a tarball may have to be read; default the cache's bound, 0: never. */
  maxTarballBytes?: number;
}

/** The uncompressed size of a commit's tarball, from its tree listing; null when unknown. */
function archiveBytes(tree: readonly TreeBlob[]): number | null {
  let total = 0;
  for (const blob of tree) {
    if (blob.size === undefined) return null;
    // Each file is a header block and its bytes padded to whole blocks.
    total += TAR_HEADER_BYTES + Math.ceil(blob.size / TAR_HEADER_BYTES) * TAR_HEADER_BYTES;
  }
  return total;
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
  const headListing = headTree ?? (await fetchTreeBlobs(gh, repo, pr.headSha));
  const headBlobs = pythonBlobs(headListing, options);
  if (!headBlobs) return null;
  const baseListing = await fetchTreeBlobs(gh, repo, pr.baseSha);
  const baseBlobs = pythonBlobs(baseListing, options);
  if (!baseBlobs || !headBlobs) return null;
  const listings = new Map([
    [pr.headSha, headListing!],
    [pr.baseSha, baseListing!],
  ]);
  const tarballBudget = options.maxTarballBytes ?? cache.maxBytes;
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
    const shaOf = new Map([...wanted].filter(([, w]) => w.ref === ref).map(([sha, w]) => [w.path, sha]));
    if (shaOf.size === 0) continue;
    // More than one GraphQL query: one tarball request is fewer, when its size fits the budget.
    const size = archiveBytes(listings.get(ref)!);
    if (Math.ceil(shaOf.size / BLOBS_PER_QUERY) > 1 && tarballBudget > 0 && (size ?? 0) <= tarballBudget) {
      try {
        const archived = await fetchTarballTexts(gh, repo, ref, {
          wanted: shaOf,
          maxFileSize: options.maxFileSize,
          maxBytes: tarballBudget,
        });
        for (const [sha, text] of archived) texts.set(sha, text);
      } catch {
        // Any failure (the request, a broken or oversized archive): GraphQL reads them all.
      }
    }
    // What the tarball did not give (or no tarball): batched GraphQL.
    const paths = [...shaOf].filter(([, sha]) => !texts.has(sha)).map(([path]) => path);
    if (paths.length === 0) continue;
    const fetched = await fetchFiles(gh, repo, ref, paths, options.maxFileSize);
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
