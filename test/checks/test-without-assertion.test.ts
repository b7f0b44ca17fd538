import check from "../../checks/testing/test-without-assertion.js";
import { runCheckTable } from "../helpers/check-table.js";

const path = "tests/test_x.py";
const unittest = "import unittest\n\n";

runCheckTable(check, {
  valid: [
    { code: "def test_a():\n    assert parse('1 + 2') == 3\n", path },
    { code: "import pytest\ndef test_a():\n    with pytest.raises(ValueError):\n        parse('1 +')\n", path },
    { code: "def test_b(mocker):\n    m = mocker.patch('x.y')\n    run()\n    m.assert_called_once_with(1)\n", path },
    { code: "def test_c():\n    check_output(run())\n    verify_all()\n", path },
    // Placeholders, skipped tests, asserting fixtures, smoke tests that say so.
    { code: "def test_d():\n    pass\ndef test_e():\n    '''Later.'''\n    ...\n", path },
    { code: "import pytest\n@pytest.mark.skip(reason='later')\ndef test_f():\n    run()\n", path },
    { code: "def test_g(snapshot):\n    snapshot.match(run())\ndef test_i(benchmark):\n    benchmark(run)\n", path },
    { code: "def test_j():\n    run()  # must not raise\ndef test_no_crash_on_empty():\n    run([])\n", path },
    // A context-manager assertion helper fails the test itself.
    { code: "def test_deprecated_set():\n    with warns_deprecated_sympy():\n        lambdify({x, y}, x + y)\n", path },
    {
      code: "class T(AsyncTestCase):\n    def test_bad(self):\n        with ExpectLog(gen_log, 'Malformed'):\n            self.fetch('/')\n",
      path,
    },
    // A helper module run by another test, which asserts on its output.
    {
      code: "import unittest\nclass TestWarnings(unittest.TestCase):\n    def test_warning(self):\n        warnings.warn('uw')\n",
      path: "unittest/test/_test_warnings.py",
    },
    // Twisted trial waits for a returned Deferred; its callbacks assert.
    {
      code: "class T(unittest.TestCase):\n    def testAuthenticateAPOP(self):\n        resp = md5(self.P.magic).hexdigest()\n        return self.P.authenticateUserAPOP('user', resp).addCallback(self._cbAuthenticateAPOP)\n",
      path,
    },
    {
      code: "def test_reset_mock_recursion(self):\n    mock = Mock()\n    mock.return_value = mock\n    # used to cause recursion\n    mock.reset_mock()\n",
      path,
    },
    {
      code: "def test_default_constructor(self):\n    # This test ensures that no more required parameters slip in.\n    HTTPServerRequest(uri='/')\n",
      path,
    },
    // A deliberate no-raise test, in its name or a comment.
    {
      code: "class T:\n    def test_stop_twice(self):\n        server.stop()\n        server.stop()\n",
      path,
    },
    {
      code: "def test_reset():\n    reset()\n    # reset() again, and nothing should happen\n    reset()\n",
      path,
    },
    // A TestCase nested in a test class is a fixture: unittest collects module-level classes only.
    {
      code:
        unittest +
        "class Test(unittest.TestCase):\n    class LoggingTestCase(unittest.TestCase):\n        def test(self):\n            self.events.append('test')\n    def test_runs(self):\n        self.assertTrue(self.LoggingTestCase('test').run())\n",
      path,
    },
    // Helpers of the module (transitively) and of the class assert.
    {
      code: "def helper(x):\n    assert x\ndef indirect(x):\n    helper(x)\ndef test_h():\n    indirect(run())\n",
      path,
    },
    {
      code: `${unittest}class TestA(unittest.TestCase):\n    def _check(self, v):\n        self.assertEqual(v, 1)\n    def do_test(self, v):\n        self._check(v)\n    def test_a(self):\n        self.do_test(run())\n    def test_b(self):\n        self.helper_from_elsewhere(run())\n`,
      path,
    },
    {
      code: `${unittest}@unittest.skip('broken')\nclass TestB(unittest.TestCase):\n    def test_a(self):\n        run()\n`,
      path,
    },
    { code: "class Helper:\n    def test_x(self):\n        run()\ndef helper_not_a_test():\n    run()\n", path },
    { code: "def test_k():\n    x = 1\n    y = [x]\n", path },
    // A decorator of this file that asserts; a threaded client half that asserts; `self` handed to a helper.
    {
      code: "def returns_true(f):\n    def wrapper(*a):\n        assert f(*a)\n    return wrapper\n@returns_true\ndef test_a():\n    return run()\n",
      path,
    },
    {
      code: `${unittest}class TestSocket(unittest.TestCase):\n    def testSend(self):\n        self.serv.send(b'x')\n    def _testSend(self):\n        self.assertEqual(self.cli.recv(1), b'x')\n`,
      path,
    },
    {
      code: `${unittest}class TestAll(unittest.TestCase):\n    def test_all(self):\n        compare_exports(self, module)\n`,
      path,
    },
    { code: "def test_bug_31478():\n    seed(BadInt())\n", path },
    { code: "def test_a():\n    parse('2 + 2')\n" },
  ],
  invalid: [
    {
      code: "def test_a():\n    parse('1 + 2')\n",
      path,
      at: "1:5-1:11",
      message: "`test_a` asserts nothing: it passes as long as the code does not raise",
    },
    {
      code: `${unittest}class TestA(unittest.TestCase):\n    def test_c(self):\n        self.subTest()\n        run()\n    def test_d(self):\n        run()\n`,
      path,
      at: ["4:9-4:15", "7:9-7:15"],
    },
    {
      code: `${unittest}class Mixin:\n    def test_m(self):\n        run()\nclass TestC(Mixin, unittest.TestCase):\n    pass\n`,
      path,
      at: "4:9-4:15",
    },
    {
      code: "def helper():\n    run()\ndef test_a():\n    helper()\n    print(result())\n",
      path,
      at: "3:5-3:11",
    },
    {
      code: "import pytest\nclass TestParse:\n    @pytest.mark.parametrize('text', ['1', '2'])\n    async def test_parse(self, text):\n        await parse(text)\n",
      path,
      at: "4:15-4:25",
    },
    {
      code: "import pytest\n@pytest.mark.skipif(True, reason='x')\ndef test_a():\n    result = compute()\n    return result\n",
      path,
      at: "3:5-3:11",
    },
  ],
});
