import check from "../../checks/idioms/printf-formatting.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: ["x = f'{a}'\n", "x = '{}'.format(a)\n", "x = b'%s' % a\n", "x = a % b\n", "logging.info('%s', x)\n"],
  invalid: [
    { code: "x = '%s' % a\n", at: "1:5-1:13" },
    { code: "x = '%s %d' % (a, b)\n", at: "1:5-1:21" },
    { code: "x = '%(a)s' % d\n", at: "1:5-1:16" },
    { code: "print('%s%%' % x)\n", at: "1:7-1:17" },
    { code: "x = ('a %s '\n     'b') % y\n", at: "1:5-2:14" },
  ],
});
