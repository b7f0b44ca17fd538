// Packaging checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import duplicateAllEntry from "./duplicate-all-entry.js";
import entryPointNotFound from "./entry-point-not-found.js";
import implicitNamespacePackage from "./implicit-namespace-package.js";
import invalidAll from "./invalid-all.js";
import lockfileNotUpdated from "./lockfile-not-updated.js";
import parentRelativeImport from "./parent-relative-import.js";
import pyprojectInvalid from "./pyproject-invalid.js";
import pyprojectMissingBuildSystem from "./pyproject-missing-build-system.js";
import pyprojectMissingRequiresPython from "./pyproject-missing-requires-python.js";
import relativeImportBeyondTopLevel from "./relative-import-beyond-top-level.js";
import setupPyWithoutPyproject from "./setup-py-without-pyproject.js";
import syntaxNewerThanRequiresPython from "./syntax-newer-than-requires-python.js";
import sysPathManipulation from "./sys-path-manipulation.js";
import testDependencyInRuntime from "./test-dependency-in-runtime.js";
import undeclaredDependency from "./undeclared-dependency.js";
import undefinedNameInAll from "./undefined-name-in-all.js";
import unpinnedRequirements from "./unpinned-requirements.js";

export const packagingChecks: readonly Check[] = [
  duplicateAllEntry,
  entryPointNotFound,
  implicitNamespacePackage,
  invalidAll,
  lockfileNotUpdated,
  parentRelativeImport,
  pyprojectInvalid,
  pyprojectMissingBuildSystem,
  pyprojectMissingRequiresPython,
  relativeImportBeyondTopLevel,
  setupPyWithoutPyproject,
  syntaxNewerThanRequiresPython,
  sysPathManipulation,
  testDependencyInRuntime,
  undeclaredDependency,
  undefinedNameInAll,
  unpinnedRequirements,
];
