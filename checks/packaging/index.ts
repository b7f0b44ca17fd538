// Packaging checks, sorted by id. A new check: one import and one entry here.
import type { Check } from "../../src/engine/check.js";
import entryPointNotFound from "./entry-point-not-found.js";
import implicitNamespacePackage from "./implicit-namespace-package.js";
import lockfileNotUpdated from "./lockfile-not-updated.js";
import pyprojectInvalid from "./pyproject-invalid.js";
import pyprojectMissingBuildSystem from "./pyproject-missing-build-system.js";
import pyprojectMissingRequiresPython from "./pyproject-missing-requires-python.js";
import setupPyWithoutPyproject from "./setup-py-without-pyproject.js";
import testDependencyInRuntime from "./test-dependency-in-runtime.js";
import undeclaredDependency from "./undeclared-dependency.js";
import unpinnedRequirements from "./unpinned-requirements.js";

export const packagingChecks: readonly Check[] = [
  entryPointNotFound,
  implicitNamespacePackage,
  lockfileNotUpdated,
  pyprojectInvalid,
  pyprojectMissingBuildSystem,
  pyprojectMissingRequiresPython,
  setupPyWithoutPyproject,
  testDependencyInRuntime,
  undeclaredDependency,
  unpinnedRequirements,
];
