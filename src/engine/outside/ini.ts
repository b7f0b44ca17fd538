// A reader for the INI dialect of Python's configparser, which flake8 uses for setup.cfg,
// tox.ini and .flake8: `key = value` or `key: value`, values continued on indented lines,
// `#`/`;` comment lines. (npm's INI parsers do not do continuation lines, which is how
// flake8's per-file-ignores is usually written.)

export type IniDocument = Map<string, Map<string, string>>;

export function parseIni(text: string): IniDocument {
  const doc: IniDocument = new Map();
  let section: Map<string, string> | null = null;
  let lastKey: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(raw)) continue;
    const header = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      const name = header[1]!.trim();
      section = doc.get(name) ?? new Map();
      doc.set(name, section);
      lastKey = null;
      continue;
    }
    if (!section) continue;
    if (/^\s/.test(raw) && lastKey !== null) {
      section.set(lastKey, `${section.get(lastKey) ?? ""}\n${stripInlineComment(raw)}`);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair) {
      lastKey = pair[1]!.trim().toLowerCase().replace(/_/g, "-");
      section.set(lastKey, stripInlineComment(pair[2]!));
    }
  }
  return doc;
}

function stripInlineComment(value: string): string {
  // configparser keeps inline comments unless configured; flake8 docs allow ` # ...` after values.
  return value.replace(/\s+[#;].*$/, "").trim();
}
