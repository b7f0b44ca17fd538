import check from "../../checks/testing/parametrize-names-type.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const head = "import pytest\n\n";
const def = "def test_a(a, b): ...\n";

runCheckTable(check, {
  valid: [
    { code: `${head}@pytest.mark.parametrize("a", [1])\ndef test_a(a): ...\n`, path },
    { code: `${head}@pytest.mark.parametrize(("a", "b"), [(1, 2)])\n${def}`, path },
    { code: `${head}@pytest.mark.parametrize("a,", [1])\ndef test_a(a): ...\n`, path },
    { code: `${head}from pytest import mark\n\n@mark.parametrize(NAMES, [(1, 2)])\n${def}`, path },
    { code: `${head}@pytest.mark.parametrize(f"a,b", [(1, 2)])\n${def}`, path },
    { code: `${head}@pytest.mark.parametrize("a,b")\n${def}`, path },
    { code: `@parametrize("a,b", [(1, 2)])\n${def}`, path },
    {
      code: `${head}@pytest.mark.parametrize("a,b", [(3, 4)])\n${def}`,
      ruffDiffers: "pkg/module.py is not a test file: peptalk looks at tests only",
    },
  ],
  invalid: [
    {
      code: `${head}@pytest.mark.parametrize("a,b", [(1, 2)])\n${def}`,
      path,
      at: "3:26-3:31",
      message: "use a tuple of strings",
      output: `${head}@pytest.mark.parametrize(("a", "b"), [(1, 2)])\n${def}`,
      safety: "safe",
    },
    {
      code: `${head}@pytest.mark.parametrize(("a, b"), [(1, 2)])\n${def}@pytest.mark.parametrize('a,' 'b', [(1, 2)])\n${def}`,
      path,
      at: ["3:26-3:34", "5:26-5:34"],
      output: `${head}@pytest.mark.parametrize(("a", "b"), [(1, 2)])\n${def}@pytest.mark.parametrize(('a', 'b'), [(1, 2)])\n${def}`,
      safety: "safe",
    },
    {
      code: `${head}@pytest.mark.parametrize(["a", "b"], [(1, 2)])\n${def}`,
      path,
      at: "3:26-3:36",
      message: "names in a list",
      output: `${head}@pytest.mark.parametrize(("a", "b"), [(1, 2)])\n${def}`,
      safety: "safe",
    },
    {
      code: `${head}@pytest.mark.parametrize(("a",), [(1,), (2,)])\ndef test_a(a): ...\n@pytest.mark.parametrize(["a"], [[1], pytest.param((2,))])\ndef test_b(a): ...\n`,
      path,
      at: ["3:26-3:32", "5:26-5:31"],
      message: "use a plain string",
      output: `${head}@pytest.mark.parametrize("a", [1, 2])\ndef test_a(a): ...\n@pytest.mark.parametrize("a", [1, pytest.param((2,))])\ndef test_b(a): ...\n`,
      safety: "safe",
    },
    {
      // The values are a variable (their rows cannot be unpacked here), the name is not a string.
      code: `${head}@pytest.mark.parametrize(("a",), CASES)\ndef test_a(a): ...\n@pytest.mark.parametrize((NAME,), [(1,)])\ndef test_b(a): ...\n`,
      path,
      at: ["3:26-3:32", "5:26-5:33"],
      output: null,
    },
    {
      code: `${head}class TestA:\n    @pytest.mark.parametrize(argnames="a,b", argvalues=[(1, 2)])\n    def test_a(self, a, b): ...\n`,
      path,
      at: "4:39-4:44",
      output: `${head}class TestA:\n    @pytest.mark.parametrize(argnames=("a", "b"), argvalues=[(1, 2)])\n    def test_a(self, a, b): ...\n`,
      safety: "safe",
    },
  ],
});
