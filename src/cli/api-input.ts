// `peptalk review`'s repository indexes: Python blobs at base and head from the local object
// database (one ls-tree per commit, one cat-file --batch for the blobs the cache lacks).
import type { ResolvedConfig } from "../engine/config/resolve.js";
import { isIncluded } from "../engine/files.js";
import { indexRepository, isModulePath, sharedBlobCache, type ApiInput, type IndexFile } from "../engine/api/index.js";
import type { ChangedFile } from "../planner/types.js";
import { listTreeBlobs, readBlobs } from "./git.js";

export async function localApiInput(
  root: string,
  base: string,
  head: string,
  changedFiles: readonly ChangedFile[],
  config: Pick<ResolvedConfig, "namespacePackages" | "include" | "exclude">,
): Promise<ApiInput> {
  const { namespacePackages } = config;
  // Excluded files (vendored code, fixtures) are not part of the repository peptalk reviews.
  const keep = (path: string): boolean => isModulePath(path) && isIncluded(path, config.include, config.exclude);
  const baseBlobs = listTreeBlobs(root, base, keep);
  const headBlobs = listTreeBlobs(root, head, keep);
  const changed = new Set(changedFiles.flatMap((f) => (f.previousPath ? [f.path, f.previousPath] : [f.path])));
  // Texts are read for blobs the cache lacks, and for changed files (to place findings).
  const wanted = new Set<string>();
  for (const blob of [...baseBlobs, ...headBlobs])
    if (!sharedBlobCache.has(blob.sha) || changed.has(blob.path)) wanted.add(blob.sha);
  const texts = readBlobs(root, [...wanted]);
  const decoder = new TextDecoder("utf-8");
  const decoded = new Map<string, string>();
  const text = (sha: string): string | undefined => {
    const bytes = texts.get(sha);
    if (!bytes) return undefined;
    let value = decoded.get(sha);
    if (value === undefined) decoded.set(sha, (value = decoder.decode(bytes).replace(/^\uFEFF/, "")));
    return value;
  };
  const files = (blobs: { path: string; sha: string }[]): IndexFile[] =>
    blobs.map((b) => ({ path: b.path, sha: b.sha, text: text(b.sha) }));
  const changedTexts = (blobs: { path: string; sha: string }[]): Record<string, string> =>
    Object.fromEntries(
      blobs
        .filter((b) => changed.has(b.path))
        .flatMap((b) => {
          const t = text(b.sha);
          return t === undefined ? [] : [[b.path, t]];
        }),
    );
  return {
    base: await indexRepository(files(baseBlobs), { namespacePackages }),
    head: await indexRepository(files(headBlobs), { namespacePackages }),
    baseTexts: changedTexts(baseBlobs),
    headTexts: changedTexts(headBlobs),
  };
}
