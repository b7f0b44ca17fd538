import check from "../../checks/idioms/fstring-without-placeholders.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "x = f'a{b}'\n",
    "x = 'abc'\n",
    "x = f'{a!r:>10}'\n",
    "x = f'{{literal}} {value}'\n",
    "x = rb'abc'\n",
    "x = f'a' f'{b}'\n",
  ],
  invalid: [
    { code: "x = f'abc'\n", at: "1:5-1:11", output: "x = 'abc'\n", safety: "safe" },
    { code: 'x = F"abc"\n', at: "1:5-1:11", output: 'x = "abc"\n', safety: "safe" },
    { code: "x = f'a{{b}}'\n", at: "1:5-1:14", output: "x = 'a{b}'\n", safety: "safe" },
    { code: "x = rf'a\\d'\n", at: "1:5-1:12", output: "x = r'a\\d'\n", safety: "safe" },
    { code: "x = f'a' f'b'\n", at: ["1:5-1:9", "1:10-1:14"], output: "x = 'a' 'b'\n", safety: "safe" },
    { code: 'x = f"""\nmulti\n"""\n', at: "1:5-3:4", output: 'x = """\nmulti\n"""\n', safety: "safe" },
  ],
});
