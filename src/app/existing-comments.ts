// peptalk's earlier comments on a pull request, read from its review threads (GraphQL:
// REST exposes no thread ids), recognised by the hidden fingerprint marker.
import { fingerprintOf, ruleOf } from "../planner/comment.js";
import type { ExistingComment } from "../planner/types.js";
import type { GitHubClient, RepoRef } from "./github.js";

const MAX_PAGES = 10;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          isResolved: boolean;
          path: string | null;
          diffSide?: "LEFT" | "RIGHT" | null;
          comments: { nodes: { databaseId: number; body: string }[] };
        }[];
      };
    } | null;
  };
}

const QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved path diffSide comments(first: 20) { nodes { databaseId body } } }
      }
    }
  }
}`;

export async function findExistingComments(
  gh: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<ExistingComment[]> {
  const out: ExistingComment[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ThreadsPage = await gh.graphql<ThreadsPage>(QUERY, { ...repo, number, cursor });
    const threads = data.repository.pullRequest?.reviewThreads;
    if (!threads) break;
    for (const thread of threads.nodes) {
      const [first, ...replies] = thread.comments.nodes;
      const fingerprint = fingerprintOf(first?.body);
      if (!first || !fingerprint) continue;
      const rule = ruleOf(first.body);
      out.push({
        fingerprint,
        commentId: first.databaseId,
        threadId: thread.id,
        isResolved: thread.isResolved,
        // Every comment peptalk writes carries a marker; a reply without one is a person's.
        hasHumanReply: replies.some((r) => fingerprintOf(r.body) === null),
        // Without them the planner cannot tell "fixed" from "not computed", and keeps the thread.
        ...(thread.path ? { path: thread.path } : {}),
        ...(rule ? { rule } : {}),
        // A thread on a removed line: its path need not exist at head.
        ...(thread.diffSide === "LEFT" || thread.diffSide === "RIGHT" ? { side: thread.diffSide } : {}),
      });
    }
    if (!threads.pageInfo.hasNextPage) break;
    cursor = threads.pageInfo.endCursor;
  }
  return out;
}

export async function resolveThreads(gh: GitHubClient, threadIds: readonly string[]): Promise<void> {
  for (let i = 0; i < threadIds.length; i += 20) {
    const batch = threadIds.slice(i, i + 20);
    const mutations = batch.map(
      (id, j) => `r${j}: resolveReviewThread(input: { threadId: ${JSON.stringify(id)} }) { thread { isResolved } }`,
    );
    await gh.graphql(`mutation { ${mutations.join("\n")} }`);
  }
}
