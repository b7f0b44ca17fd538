import check from "../../checks/security/unsafe-yaml-load.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    {
      code: "# a test\nimport yaml\n\nconfig = yaml.load(text, Loader=yaml.Loader)\n",
      path: "tests/test_x.py",
      ruffDiffers: "test files are not checked",
    },
    "import yaml\nyaml.safe_load(s)\n",
    "import yaml\nyaml.load(s, Loader=yaml.SafeLoader)\n",
    "import yaml\nyaml.load(s, yaml.CSafeLoader)\n",
    {
      code: "import yaml\nyaml.load(s, Loader=yaml.BaseLoader)\n",
      ruffDiffers: "BaseLoader builds only strings, lists and dicts",
    },
    "from ruamel import yaml2\nyaml2.load(s)\n",
  ],
  invalid: [
    { code: "import yaml\nyaml.load(s)\n", at: "2:1-2:10" },
    { code: "import yaml\nyaml.load(s, Loader=yaml.Loader)\n", at: "2:21-2:32" },
    { code: "import yaml\nyaml.load(s, Loader=yaml.UnsafeLoader)\n", at: "2:21-2:38" },
    { code: "from yaml import load\nload(s)\n", at: "2:1-2:5" },
    { code: "import yaml\ndef read(p):\n    with open(p) as f:\n        return yaml.load(f)\n", at: "4:16-4:25" },
  ],
});
