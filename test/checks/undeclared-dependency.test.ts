import check from "../../checks/packaging/undeclared-dependency.js";
import { runCheckTable } from "../helpers/check-table.js";

const pyproject = (deps: string, extra = ""): string =>
  `[project]\nname = "acme"\nversion = "1"\ndependencies = [${deps}]\n${extra}`;
const project = (deps: string, extra = "", more: string[] = []) => ({
  paths: ["pyproject.toml", "acme/__init__.py", "acme/core.py", "tests/test_core.py", ...more],
  files: { "pyproject.toml": pyproject(deps, extra) },
});
const pkg = { path: "acme/core.py" };

runCheckTable(check, {
  valid: [
    { code: "import requests\n", ...pkg, project: project('"requests>=2"') },
    { code: "import yaml\nfrom PIL import Image\n", ...pkg, project: project('"PyYAML", "Pillow"') },
    { code: "import os\nimport json\nfrom acme import util\nfrom . import sibling\n", ...pkg, project: project("") },
    { code: "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n", ...pkg, project: project("") },
    {
      code: "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\n",
      ...pkg,
      project: project(""),
    },
    { code: "def load():\n    import yaml\n    return yaml\n", ...pkg, project: project("") },
    { code: "import somethingunknown\n", ...pkg, project: project("") },
    {
      code: "import requests  # dynamic\n",
      ...pkg,
      project: { ...project(""), files: { "pyproject.toml": '[project]\nname = "a"\ndynamic = ["dependencies"]\n' } },
    },
    {
      code: "import requests  # script\n",
      path: "scripts/release.py",
      project: project("", "", ["scripts/release.py"]),
    },
    { code: "import requests  # no project known\n", ...pkg },
    { code: "from starlette.responses import JSONResponse\n", ...pkg, project: project('"fastapi"') },
    {
      code: "import pytest\n\ndef test_a():\n    assert pytest\n",
      path: "tests/test_core.py",
      project: project("", '[project.optional-dependencies]\ntest = ["pytest"]\n'),
    },
    {
      code: "import pytest\n\ndef test_b():\n    assert pytest\n",
      path: "tests/test_core.py",
      project: project("", "", ["requirements-dev.txt"]),
    },
    { code: "import cv2\n", ...pkg, project: project('"opencv-python-headless"') },
    { code: "import yaml\n", ...pkg, project: project('"pyyaml"', "", ["vendor/yaml/__init__.py"]) },
  ],
  invalid: [
    {
      code: "import requests\nimport yaml\n",
      ...pkg,
      project: project('"requests>=2"'),
      at: "2:8-2:12",
      message: /`yaml` comes from the `pyyaml` distribution/,
    },
    { code: "from bs4 import BeautifulSoup\n", ...pkg, project: project('"lxml"'), at: "1:6-1:9" },
    { code: "import numpy as np\nimport numpy.linalg\n", ...pkg, project: project(""), at: "1:8-1:13" },
    {
      code: "import httpx\n\ndef helper():\n    pass\n",
      ...pkg,
      project: project("", '[dependency-groups]\ndev = ["httpx"]\n'),
      at: "1:8-1:13",
      message: /`\[project\]\.dependencies`/,
    },
    {
      code: "import pytest\n\ndef test_c():\n    assert pytest\n",
      path: "tests/test_core.py",
      project: project(""),
      at: "1:8-1:14",
      message: /extras or dependency groups/,
    },
    {
      code: "DEBUG = False\nif DEBUG:\n    pass\nelse:\n    import redis\n",
      ...pkg,
      project: project('"requests"'),
      at: "5:12-5:17",
    },
  ],
});
