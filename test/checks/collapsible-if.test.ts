import check from "../../checks/idioms/collapsible-if.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import sys\nif sys.platform == 'win32':\n    if x:\n        pass\n",
    "if a:\n    if b:\n        pass\nelse:\n    pass\n",
    "if a:\n    if b:\n        pass\n    else:\n        pass\n",
    "if a:\n    x = 1\n    if b:\n        pass\n",
    "if a:\n    if b:\n        pass\n    elif c:\n        pass\n",
    "if a:\n    pass\nelif b:\n    if c:\n        pass\nelse:\n    pass\n",
    {
      code: "if __debug__:\n    if self.default is not None and self.nargs == -1:\n        raise TypeError('x')\n",
      ruffDiffers: "a debug-only block kept apart on purpose",
    },
    {
      code: "if isinstance(node, Referential):\n    # HACK: verify refname attribute exists.\n    if 'refname' in node:\n        run()\n",
      ruffDiffers: "the inner test has its own comment",
    },
    {
      code: "if a:  # only for admins\n    if b:\n        pass\n",
      ruffDiffers: "the outer test has its own comment",
    },
    {
      code: "if (cookie.version > 0 or\n        (strict & DomainStrict)):\n    if not domain_match(erhn, domain):\n        return False\n",
      ruffDiffers: "the merged condition would be four lines",
    },
    {
      code: "if a:\n    if (b and\n            c):\n        pass\n",
      ruffDiffers: "the merged condition would span three lines",
    },
    {
      code: "if skeleton:\n    if start == end:\n        return one(start)\nif skeleton:\n    return two(start, end)\n",
      ruffDiffers: "parallels a sibling with the same test",
    },
  ],
  invalid: [
    { code: "if a:\n    if b:\n        pass\n", at: "1:1-2:10" },
    { code: "if a and b:\n    if c or d:\n        run()\n", at: "1:1-2:15" },
    { code: "def f():\n    if a:\n        if b:\n            return 1\n", at: "2:5-3:14" },
    { code: "if a:\n    if b:\n        if c:\n            pass\n", at: ["1:1-2:10", "2:5-3:14"] },
    { code: "if a:\n    if b:\n        # the body's own comment does not matter\n        pass\n", at: "1:1-2:10" },
    { code: "if a:\n    pass\nelif b:\n    if c:\n        pass\n", at: "3:1-4:10" },
    { code: "if a:\n    if (b and c):\n        pass\n", at: "1:1-2:18" },
  ],
});
