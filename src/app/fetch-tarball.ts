// A commit's Python files from one tarball request (`GET /repos/{o}/{r}/tarball/{ref}`, which
// redirects to codeload): streamed through gunzip and tar-stream, keeping only the wanted blobs.
// Every text is checked against its blob SHA, so what the cache keeps by SHA is the blob itself
// (a tarball is `git archive` output: `export-subst` rewrites files, `export-ignore` drops them).
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import type { GitHubClient, RepoRef } from "./github.js";

/** The size of a tar entry's header block: what the archive adds per file. */
export const TAR_HEADER_BYTES = 512;

/** git's object id of a blob: SHA-1 over "blob <size>\0" and the bytes. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export interface TarballRequest {
  /** Path at the commit → the blob SHA the tree lists for it. */
  wanted: ReadonlyMap<string, string>;
  /** Files larger than this are not read (as the GraphQL path skips them). */
  maxFileSize: number;
  /** The most uncompressed archive bytes read before giving up. */
  maxBytes: number;
}

/** Stops the stream with an error once more than `limit` bytes went through. */
function byteBudget(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new Error(`the tarball is larger than ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

/**
 * The texts of the wanted blobs of one commit, keyed by blob SHA. A blob whose bytes do not
 * hash to its SHA, or that the archive leaves out, is absent (the caller reads it otherwise).
 * Throws on any failure of the request or the archive: the caller falls back to GraphQL.
 */
export async function fetchTarballTexts(
  gh: GitHubClient,
  repo: RepoRef,
  ref: string,
  request: TarballRequest,
): Promise<Map<string, string>> {
  const { data } = await gh.request("GET /repos/{owner}/{repo}/tarball/{ref}", {
    ...repo,
    ref,
    request: { parseSuccessResponseBody: false },
  });
  if (!data || typeof (data as WebReadableStream).getReader !== "function")
    throw new Error("the tarball response has no body");
  const extract = tar.extract();
  const piped = pipeline(
    Readable.fromWeb(data as WebReadableStream),
    createGunzip(),
    byteBudget(request.maxBytes),
    extract,
  );
  // Observed here so that an early failure is never unhandled; awaited below.
  piped.catch(() => undefined);
  const texts = new Map<string, string>();
  for await (const entry of extract) {
    // Every path sits under one top folder, `<owner>-<repo>-<short sha>/`.
    const path = entry.header.name.slice(entry.header.name.indexOf("/") + 1);
    const sha = request.wanted.get(path);
    if (entry.header.type !== "file" || sha === undefined || (entry.header.size ?? 0) > request.maxFileSize) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (gitBlobSha(bytes) === sha) texts.set(sha, bytes.toString("utf8").replace(/^\uFEFF/, ""));
  }
  await piped;
  return texts;
}
