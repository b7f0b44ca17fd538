/** Jest runs the TypeScript sources as ESM through ts-jest; `tsc` does the type-checking. */
export default {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
};
