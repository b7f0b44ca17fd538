// Globs the way Ruff matches them (Rust's globset with `literal_separator` off, the
// default): `*` and `?` also match `/`, `**` matches any number of directories, `[...]`
// classes and `{a,b}` alternatives. flake8's fnmatch patterns behave the same for `*`.
//
// Matching is minimatch's, whose matcher runs in time linear in the path (a hand-built
// regular expression backtracks: `*a*a*a*a*a*a*a*a*a*a*b` against a 40-character path ran for
// minutes). minimatch keeps `*` inside one path segment, so both the pattern and the path are
// matched with `/` turned into a character no path holds: everything is one segment, and the
// recursive `**/` forms are rewritten to alternatives first. The patterns come from the
// repository, so compiled matchers live in a small LRU cache, and a pattern minimatch cannot
// read (an unclosed `[`) matches its own text literally rather than throwing.
import { Minimatch } from "minimatch";

/** Stands for `/` while matching: git paths cannot hold a NUL. */
const SEPARATOR = "\0";
const CACHE_SIZE = 256;
/** Beyond these, a pattern is not a path glob but an attack on brace expansion. */
const MAX_PATTERN_LENGTH = 1024;
const MAX_BRACES = 8;

const OPTIONS = {
  dot: true,
  // globset knows no extglobs (`+(a)`), negation or comments: those characters are literal.
  noext: true,
  nonegate: true,
  nocomment: true,
} as const;

type Matcher = (path: string) => boolean;

const cache = new Map<string, Matcher>();

/**
 * Ruff's recursive forms as single-segment alternatives: `**` then `/`, at the start or after a `/`, is
 * zero or more directories, a trailing `/**` everything below, any other `**` one `*`.
 */
function toSingleSegment(pattern: string): string {
  return pattern
    .replace(/(^|\/)\*\*\//g, "$1{,*/}")
    .replace(/\/\*\*$/, "/*")
    .replace(/\*\*/g, "*")
    .replaceAll("/", SEPARATOR);
}

function compile(pattern: string): Matcher {
  const braces = pattern.split("{").length - 1;
  // `{1..9}` is a sequence to minimatch, an alternative of literal text to globset.
  const sequence = /\{[^}]*\.\.[^}]*\}/.test(pattern);
  if (pattern.length > MAX_PATTERN_LENGTH || braces > MAX_BRACES || sequence) return (path) => path === pattern;
  try {
    const matcher = new Minimatch(toSingleSegment(pattern), OPTIONS);
    return (path) => matcher.match(path.replaceAll("/", SEPARATOR));
  } catch {
    return (path) => path === pattern;
  }
}

function matcherFor(pattern: string): Matcher {
  let matcher = cache.get(pattern);
  if (matcher) {
    // Most recently used last: the first key is the one to evict.
    cache.delete(pattern);
    cache.set(pattern, matcher);
    return matcher;
  }
  matcher = compile(pattern);
  cache.set(pattern, matcher);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return matcher;
}

/** How many compiled patterns are held (bounded by CACHE_SIZE). */
export function globCacheSize(): number {
  return cache.size;
}

/** Whether a whole repo-relative path matches a Ruff glob. */
export function globMatches(glob: string, path: string): boolean {
  return matcherFor(glob)(path);
}

/**
 * Whether a Ruff-style pattern matches a repo-relative path: against the whole path, and,
 * for a pattern without a `/`, against the file name (Ruff's basename matching).
 */
export function ruffGlobMatches(pattern: string, path: string): boolean {
  const clean = pattern.replace(/^\.\//, "");
  if (globMatches(clean, path)) return true;
  if (!clean.includes("/")) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    return globMatches(clean, base);
  }
  return false;
}

/** Exclusion also covers everything under an excluded directory. */
export function ruffExcludes(pattern: string, path: string): boolean {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    if (ruffGlobMatches(pattern, prefix)) return true;
  }
  return false;
}
