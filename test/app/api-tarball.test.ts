// The App reads a commit's Python blobs through one tarball request when GraphQL would need
// more than one query: a real gzipped tarball served by nock, read through Octokit (with the
// request policy), redirected to codeload, checked blob by blob against the tree's SHAs.
import { execFileSync } from "node:child_process";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import tar from "tar-stream";
import { BlobIndexCache } from "../../src/engine/api/index.js";
import { fetchApiInput, type ApiFetchOptions } from "../../src/app/fetch-api-index.js";
import { fetchTarballTexts, gitBlobSha } from "../../src/app/fetch-tarball.js";
import { createRestClient, type GitHubClient } from "../../src/app/github.js";
import { API, blobsAnswer, nock, offlineNock, REPO } from "../helpers/app.js";
import { tempTree } from "../helpers/cli.js";

const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const CODELOAD = "https://codeload.github.com";
const repo = { owner: "Codertocat", repo: "Hello-World" };

const BASE_CLIENT = "def fetch(url):\n    return url\n\n\ndef ping():\n    return 1\n";
const HEAD_CLIENT = "def fetch(url):\n    return url\n";
/** 120 modules: two GraphQL queries at head, so one tarball request is fewer. */
const MODULES = Array.from({ length: 120 }, (_, i) => [`pkg/m${i}.py`, `def f${i}(a):\n    return a\n`] as const);
const HEAD_FILES: Record<string, string> = {
  "pkg/__init__.py": "",
  "pkg/client.py": HEAD_CLIENT,
  "tests/test_sync.py": "from pkg.client import ping\n",
  "README.md": "# Hello\n",
  ...Object.fromEntries(MODULES),
};
const BASE_FILES: Record<string, string> = { ...HEAD_FILES, "pkg/client.py": BASE_CLIENT };

const tree = (files: Record<string, string>, sizeOf = (text: string) => Buffer.byteLength(text)) =>
  Object.entries(files).map(([path, text]) => ({
    path,
    type: "blob",
    sha: gitBlobSha(Buffer.from(text)),
    size: sizeOf(text),
  }));

/** A gzipped tarball as GitHub builds it: every path under `<owner>-<repo>-<short sha>/`. */
async function tarball(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  const top = `Codertocat-Hello-World-${HEAD.slice(0, 7)}/`;
  pack.entry({ name: top, type: "directory" });
  for (const [path, text] of Object.entries(files)) pack.entry({ name: `${top}${path}` }, text);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

interface Served {
  /** `<ref>:<path>` asked of GraphQL. */
  graphql: string[];
  tarballs: number;
}

function serve(options: {
  archive?: Buffer | null;
  headSizes?: (text: string) => number;
  tarballStatus?: number;
}): Served {
  const served: Served = { graphql: [], tarballs: 0 };
  const api = nock(API);
  api
    .get(`${REPO}/git/trees/${HEAD}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: tree(HEAD_FILES, options.headSizes) });
  api
    .get(`${REPO}/git/trees/${BASE}`)
    .query({ recursive: "1" })
    .reply(200, { truncated: false, tree: tree(BASE_FILES) });
  api
    .get(`${REPO}/tarball/${HEAD}`)
    .optionally()
    .reply(() => {
      served.tarballs++;
      return options.tarballStatus
        ? [options.tarballStatus, { message: "Not Found" }]
        : [302, "", { Location: `${CODELOAD}${REPO}/legacy.tar.gz/${HEAD}` }];
    });
  if (options.archive !== undefined)
    nock(CODELOAD)
      .get(`${REPO}/legacy.tar.gz/${HEAD}`)
      .optionally()
      .reply(200, options.archive ?? Buffer.from("not a gzip stream"), { "content-type": "application/x-gzip" });
  api
    .post("/graphql")
    .times(10)
    .optionally()
    .reply(200, (_uri, body) => {
      const { answer, asked } = blobsAnswer(
        String((body as { query: string }).query),
        (expression) => (expression.slice(0, 40) === HEAD ? HEAD_FILES : BASE_FILES)[expression.slice(41)],
        "x",
      );
      served.graphql.push(...asked);
      return answer;
    });
  return served;
}

async function indexBoth(extra: Partial<ApiFetchOptions> = {}) {
  const gh = await createRestClient("test-token", API, "peptalk-test");
  return fetchApiInput(gh, repo, { baseSha: BASE, headSha: HEAD }, [{ path: "pkg/client.py", status: "modified" }], {
    maxFileSize: 1_000_000,
    namespacePackages: [],
    include: ["**/*.py", "**/*.pyi"],
    exclude: [],
    cache: new BlobIndexCache(),
    ...extra,
  });
}

const headQueries = (served: Served): string[] => served.graphql.filter((e) => e.startsWith(HEAD));

offlineNock();

describe("the tarball path of the App's repository index", () => {
  it("reads 123 head blobs from one tarball (through codeload's redirect) and the changed base file from GraphQL", async () => {
    const served = serve({ archive: await tarball(HEAD_FILES) });
    const api = await indexBoth();
    expect(served.tarballs).toBe(1);
    expect(headQueries(served)).toEqual([]);
    expect(served.graphql).toEqual([`${BASE}:pkg/client.py`]);
    expect(api!.head.modules.size).toBe(123);
    expect(api!.head.modules.get("pkg.m119")!.index.bindings["f119"]).toBeDefined();
    expect(api!.headTexts["pkg/client.py"]).toBe(HEAD_CLIENT);
    expect(api!.baseTexts["pkg/client.py"]).toBe(BASE_CLIENT);
  });

  it("reads over GraphQL only the blobs whose archived bytes are not the blob (export-subst) or are missing (export-ignore)", async () => {
    const archived = { ...HEAD_FILES, "pkg/m1.py": "def f1(a):\n    return 'substituted'\n" };
    delete (archived as Record<string, string>)["pkg/m2.py"];
    const served = serve({ archive: await tarball(archived) });
    const api = await indexBoth();
    expect(served.tarballs).toBe(1);
    expect(headQueries(served).sort()).toEqual([`${HEAD}:pkg/m1.py`, `${HEAD}:pkg/m2.py`]);
    expect(api!.head.modules.size).toBe(123);
  });

  it.each<
    [string, { archive?: null; tarballStatus?: number; headSizes?: (text: string) => number }, Partial<ApiFetchOptions>]
  >([
    ["the tarball request fails", { archive: null, tarballStatus: 404 }, {}],
    ["the archive is not gzip", { archive: null }, {}],
    [
      "the archive grows past the budget while read (the tree understated sizes)",
      { headSizes: () => 0 },
      { maxTarballBytes: 70_000 },
    ],
  ])("falls back to GraphQL for every head blob when %s", async (_why, serving, extra) => {
    const archive = serving.archive === null ? null : await tarball(HEAD_FILES);
    const served = serve({ ...serving, archive });
    const api = await indexBoth(extra);
    expect(served.tarballs).toBe(1);
    expect(headQueries(served)).toHaveLength(123);
    expect(api!.head.modules.size).toBe(123);
  });

  it("asks for no tarball when the tree says it is larger than the budget, nor when tarballs are off", async () => {
    const big = serve({ archive: await tarball(HEAD_FILES) });
    await indexBoth({ maxTarballBytes: 10_000 });
    expect(big.tarballs).toBe(0);
    expect(headQueries(big)).toHaveLength(123);
    nock.cleanAll();

    const small = serve({ archive: await tarball(HEAD_FILES) });
    await indexBoth({ maxTarballBytes: 0 });
    expect(small.tarballs).toBe(0);
  });

  it("reads `git archive` output as GitHub serves it: pax header, long paths, a BOM; export-subst and symlinks are left to GraphQL", async () => {
    const long = `pkg/${"d".repeat(120)}/module.py`;
    const root = tempTree({
      "pkg/a.py": "def f(a):\n    return a\n",
      "pkg/bom.py": "\uFEFFdef g():\n    pass\n",
      [long]: "x = 1\n",
      "pkg/_version.py": 'version = "$Format:%H$"\n',
      ".gitattributes": "pkg/_version.py export-subst\n",
    });
    const git = (...args: string[]): Buffer =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: root });
    git("init", "-q");
    execFileSync("ln", ["-s", "a.py", "pkg/link.py"], { cwd: root });
    git("add", "-A");
    git("commit", "-qm", "x");
    const archive = git("archive", "--format=tar.gz", "--prefix=Codertocat-Hello-World-abc1234/", "HEAD");
    const wanted = new Map(
      git("ls-tree", "-r", "HEAD")
        .toString()
        .trim()
        .split("\n")
        .map((line) => line.split(/\s+/))
        .filter(([, , , path]) => path!.endsWith(".py"))
        .map(([, , sha, path]) => [path!, sha!]),
    );
    const gh = {
      request: async () => ({ status: 200, headers: {}, data: Readable.toWeb(Readable.from([archive])) }),
    } as unknown as GitHubClient;
    const texts = await fetchTarballTexts(gh, repo, "HEAD", { wanted, maxFileSize: 1_000_000, maxBytes: 1_000_000 });
    const read = [...wanted].filter(([, sha]) => texts.has(sha)).map(([path]) => path);
    expect(read.sort()).toEqual([long, "pkg/a.py", "pkg/bom.py"].sort());
    expect(texts.get(wanted.get("pkg/bom.py")!)).toBe("def g():\n    pass\n");
  });
});
