// The core metadata (PKG-INFO / METADATA) that says which Pythons a project supports when its
// pyproject.toml and setup files are gone: an sdist's root PKG-INFO, a `pip install -e .`
// checkout's `*.egg-info`, or an installed package whose `*.egg-info` / `*.dist-info` sits beside
// it in site-packages.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const METADATA_DIR = /\.(egg-info|dist-info)$/;

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

function metadataIn(dir: string): string | undefined {
  return readIfFile(join(dir, "PKG-INFO")) ?? readIfFile(join(dir, "METADATA"));
}

function metadataDirs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => METADATA_DIR.test(name))
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isDirectory());
  } catch {
    return [];
  }
}

/** PEP 503 normalisation, so `SQLAlchemy-1.4.46.egg-info` matches the `sqlalchemy` package. */
const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, "_");

/** Whether a metadata directory describes the distribution that installs `pkg`. */
function describes(metadataDir: string, pkg: string): boolean {
  const topLevel = readIfFile(join(metadataDir, "top_level.txt"));
  if (topLevel !== undefined) return topLevel.split(/\r?\n/).some((line) => line.trim() === pkg);
  const distribution = basename(metadataDir).replace(METADATA_DIR, "").split("-")[0] ?? "";
  return normalise(distribution) === normalise(pkg);
}

/** The metadata text for the project at `root`, when one can be told apart; else undefined. */
export function installedMetadata(root: string): string | undefined {
  const sdist = readIfFile(join(root, "PKG-INFO"));
  if (sdist !== undefined) return sdist;
  const own = metadataDirs(root);
  if (own.length === 1) return metadataIn(own[0]!);
  if (own.length > 1) return undefined;
  // An installed package: its metadata is a sibling in site-packages.
  const parent = dirname(root);
  if (parent === root || !existsSync(join(root, "__init__.py"))) return undefined;
  const matching = metadataDirs(parent).filter((dir) => describes(dir, basename(root)));
  return matching.length === 1 ? metadataIn(matching[0]!) : undefined;
}
