// Globs the way Ruff matches them (Rust's globset with `literal_separator` off, the
// default): `*` and `?` also match `/`, `**` matches any number of directories, `[...]`
// classes and `{a,b}` alternatives. flake8's fnmatch patterns behave the same for `*`.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = "";
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (inClass) {
      if (c === "]") inClass = false;
      out += c === "\\" ? "\\\\" : c;
      continue;
    }
    switch (c) {
      case "*":
        if (glob[i + 1] === "*") {
          // `**/` matches zero or more directories; a trailing `/**` everything below.
          if (glob[i + 2] === "/") {
            out += "(?:.*/)?";
            i += 2;
          } else {
            out += ".*";
            i += 1;
          }
        } else out += ".*";
        break;
      case "?":
        out += ".";
        break;
      case "[":
        inClass = true;
        out += glob[i + 1] === "!" ? (i++, "[^") : "[";
        break;
      case "{":
        braces++;
        out += "(?:";
        break;
      case "}":
        if (braces > 0) {
          braces--;
          out += ")";
        } else out += "\\}";
        break;
      case ",":
        out += braces > 0 ? "|" : ",";
        break;
      default:
        out += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
    }
  }
  re = new RegExp(`^${out}$`);
  cache.set(glob, re);
  return re;
}

/**
 * Whether a Ruff-style pattern matches a repo-relative path: against the whole path, and,
 * for a pattern without a `/`, against the file name (Ruff's basename matching).
 */
export function ruffGlobMatches(pattern: string, path: string): boolean {
  const clean = pattern.replace(/^\.\//, "");
  if (globToRegExp(clean).test(path)) return true;
  if (!clean.includes("/")) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    return globToRegExp(clean).test(base);
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
