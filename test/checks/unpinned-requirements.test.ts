import check from "../../checks/packaging/unpinned-requirements.js";
import { runProjectTable } from "../helpers/project-table.js";

runProjectTable(check, {
  valid: [
    { name: "all pinned", files: { "requirements.txt": "flask==3.0.3\nrequests==2.32.3  # http\n" } },
    { name: "a library", files: { "requirements.txt": "flask>=2\n", "pyproject.toml": '[project]\nname = "a"\n' } },
    { name: "setup.py library", files: { "requirements.txt": "flask>=2\n", "setup.py": "" } },
    { name: "lock kept", files: { "requirements.txt": "flask>=2\n" }, paths: ["poetry.lock"] },
    { name: "pip-tools input", files: { "requirements.txt": "flask>=2\n" }, paths: ["requirements.in"] },
    { name: "dev requirements", files: { "requirements-dev.txt": "pytest\nruff\n" } },
    { name: "options and includes", files: { "requirements.txt": "-r base.txt\n--index-url https://x\n-e .\n" } },
    { name: "unknown tree", files: { "requirements.txt": "flask\n" }, unknownTree: true },
  ],
  invalid: [
    {
      name: "bare names",
      files: { "requirements.txt": "flask\nrequests\n" },
      at: "requirements.txt:1",
      message: /`flask`, `requests`/,
    },
    { name: "ranges", files: { "requirements.txt": "# app\nflask>=2.0\n" }, at: "requirements.txt:2" },
    {
      name: "many unpinned",
      files: { "requirements.txt": "a==1\nb\nc>1\nd~=2\ne\n" },
      at: "requirements.txt:2",
      message: /and 1 more/,
    },
    { name: "requirements dir base", files: { "requirements/base.txt": "django>=4\n" }, at: "requirements/base.txt:1" },
    {
      name: "tool-only pyproject is still an app",
      files: { "requirements.txt": "uvicorn[standard]\n", "pyproject.toml": "[tool.ruff]\n" },
      at: "requirements.txt:1",
    },
  ],
});
