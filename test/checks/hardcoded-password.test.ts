import check from "../../checks/security/hardcoded-password.js";
import { runCheckTable } from "../helpers/check-table.js";

runCheckTable(check, {
  valid: [
    "import os\npassword = os.environ['PASSWORD']\n",
    "password = ''\n",
    { code: "password_field = 'password'\n", ruffDiffers: "the value names the field" },
    { code: "TOKEN_ENV = 'GITHUB_TOKEN'\n", ruffDiffers: "an environment variable's name, not a secret" },
    { code: "password = '<your password>'\n", ruffDiffers: "a placeholder" },
    { code: "_PAGE_TOKEN = 'pageToken'\nSECRET_KEY = 'AWSSecretKey'\n", ruffDiffers: "field names, not secrets" },
    { code: "end_token = '>'\nname_token = r'[^\\W\\d]\\w*'\n", ruffDiffers: "a lexer's tokens" },
    { code: "_CLIENT_SECRET = 'nomatter'\nFILE_PASSWORD = 'notasecret'\n", ruffDiffers: "stand-ins" },
    "user = 'admin'\n",
    { code: "token_type = 'ws'\n", ruffDiffers: "`token` here is a parser's token" },
    { code: "password = 'hunter2'\n", path: "tests/test_login.py", ruffDiffers: "test fixtures hold fake credentials" },
    { code: "NUMBER_TOKEN = r'[0-9@#.,E+]'\n", ruffDiffers: "a regular expression" },
    { code: 'USR_NAME_OK_NEED_PASS = "331.1"\n', ruffDiffers: "a protocol reply code" },
    { code: '_DEFAULT_TOKEN = "_sa_default"\n', ruffDiffers: "a sentinel" },
    { code: "secret_key = 'abc123'\n", ruffDiffers: "too short to be a generated key" },
  ],
  invalid: [
    { code: "PASSWORD = 'hunter2'\n", at: "1:12-1:21" },
    { code: "DB_PASSWORD = 'x9!kq'\n", at: "1:15-1:22" },
    { code: "secret_key = 'k3J9sLq0Zx81PwQa72Vb'\n", at: "1:14-1:36" },
    {
      code: "class C:\n    def __init__(self):\n        self.api_token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'\n",
      at: "3:26-3:68",
    },
    { code: "settings['password'] = 'letmein'\n", at: "1:24-1:33" },
  ],
});
