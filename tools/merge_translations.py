#!/usr/bin/env python3
"""Fill the <translation> elements of a Qt Linguist .ts file from TSV files.

Usage:
    tools/merge_translations.py [--ts translations/branchdesk_fa.ts] [--check] FILE.tsv...

Each TSV line is  context<TAB>English source<TAB>translation[<TAB>more numerus forms...]
(UTF-8; blank lines and lines starting with "#" are ignored; "\\t", "\\n" and "\\\\"
in a field stand for a tab, a newline and a backslash).  A row fills every message of
the .ts with the same context and source (whatever its disambiguation comment) and
drops type="unfinished".  For a numerus message (<message numerus="yes">) the columns
after the source are its forms in order; a single form fills every <numerusform>.
Later TSV files win over earlier ones; a row whose text differs from an earlier row
for the same message is reported.

The .ts is edited as text, message by message, so that everything else stays exactly as
lupdate wrote it (run "ninja update_translations" first so that the .ts knows every
source string).  The result is checked to be well-formed XML before it is written.

Exit status: 0 on success; 1 if a TSV row matches no message, or (with --check) if a
message is still unfinished or empty afterwards; 2 on a malformed TSV or .ts.
"""

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

CONTEXT_RE = re.compile(r"(<context>\s*<name>)(.*?)(</name>)(.*?)(</context>)", re.S)
MESSAGE_RE = re.compile(r"(<message\b[^>]*>)(.*?)(</message>)", re.S)
SOURCE_RE = re.compile(r"<source>(.*?)</source>", re.S)
# <translation/>, <translation ...>...</translation>; the indentation before it is kept.
TRANSLATION_RE = re.compile(r"<translation\b([^>]*?)(?:/>|>(.*?)</translation>)", re.S)
NUMERUS_FORM_RE = re.compile(r"<numerusform\b[^>]*?(?:/>|>(.*?)</numerusform>)", re.S)
TYPE_ATTR_RE = re.compile(r'\s+type="[^"]*"')


def ts_unescape(text):
    """The text of an element as lupdate escapes it (entities and <byte value=.../>)."""
    text = re.sub(
        r'<byte value="x([0-9A-Fa-f]+)"\s*/>', lambda m: chr(int(m.group(1), 16)), text
    )
    return html.unescape(text)


def ts_escape(text):
    """Escape like lupdate: & < > " ' as entities, control characters as <byte/>."""
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif ord(ch) < 0x20 and ch not in "\t\n\r":
            out.append('<byte value="x%x"/>' % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def tsv_unescape(field):
    return re.sub(
        r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}.get(m.group(1), m.group(0)), field
    )


def read_tsvs(paths):
    """{(context, source): (forms, where)}; reports conflicting duplicates."""
    rows = {}
    ok = True
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\r\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                where = "%s:%d" % (path, number)
                if len(cols) < 3:
                    print("%s: expected context<TAB>source<TAB>translation" % where, file=sys.stderr)
                    ok = False
                    continue
                context, source = tsv_unescape(cols[0]), tsv_unescape(cols[1])
                forms = [tsv_unescape(c) for c in cols[2:]]
                if any(not form.strip() for form in forms):
                    print("%s: empty translation for %r" % (where, source), file=sys.stderr)
                    ok = False
                    continue
                key = (context, source)
                if key in rows and rows[key][0] != forms:
                    print(
                        "%s: overrides %s for %r (%s)" % (where, rows[key][1], source, context),
                        file=sys.stderr,
                    )
                rows[key] = (forms, where)
    return rows, ok


def fill_message(open_tag, body, forms):
    """The message body with its translation replaced by forms, finished."""
    m = TRANSLATION_RE.search(body)
    if not m:
        raise ValueError("message without <translation>")
    attrs = TYPE_ATTR_RE.sub("", m.group(1))
    if 'numerus="yes"' in open_tag:
        inner = m.group(2) or ""
        slots = len(NUMERUS_FORM_RE.findall(inner)) or 1
        if len(forms) == 1:
            forms = forms * slots
        elif len(forms) != slots:
            raise ValueError("%d numerus forms given, the .ts has %d" % (len(forms), slots))
        indent = re.search(r"([ \t]*)<translation", body[: m.end()]).group(1)
        parts = "".join(
            "\n%s    <numerusform>%s</numerusform>" % (indent, ts_escape(f)) for f in forms
        )
        new = "<translation%s>%s\n%s</translation>" % (attrs, parts, indent)
    else:
        new = "<translation%s>%s</translation>" % (attrs, ts_escape(forms[0]))
    return body[: m.start()] + new + body[m.end():]


def is_unfinished(body):
    m = TRANSLATION_RE.search(body)
    if not m:
        return True
    if 'type="unfinished"' in m.group(1):
        return True
    inner = m.group(2) or ""
    if "<numerusform" in inner:
        return any(not ts_unescape(f or "").strip() for f in NUMERUS_FORM_RE.findall(inner))
    return not ts_unescape(inner).strip()


def merge(ts_text, rows):
    used = set()
    stats = {"messages": 0, "filled": 0, "unfinished": []}

    def on_context(cm):
        context = ts_unescape(cm.group(2))

        def on_message(mm):
            open_tag, body, close = mm.groups()
            stats["messages"] += 1
            sm = SOURCE_RE.search(body)
            source = ts_unescape(sm.group(1)) if sm else ""
            key = (context, source)
            if key in rows:
                body = fill_message(open_tag, body, rows[key][0])
                used.add(key)
                stats["filled"] += 1
            if 'type="vanished"' not in body and 'type="obsolete"' not in body and is_unfinished(body):
                stats["unfinished"].append(key)
            return open_tag + body + close

        messages = MESSAGE_RE.sub(on_message, cm.group(4))
        return cm.group(1) + cm.group(2) + cm.group(3) + messages + cm.group(5)

    out = CONTEXT_RE.sub(on_context, ts_text)
    unused = [(k, rows[k][1]) for k in rows if k not in used]
    return out, stats, unused


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ts",
        default=os.path.normpath(os.path.join(here, "..", "translations", "branchdesk_fa.ts")),
        help="the .ts file to fill (default: translations/branchdesk_fa.ts)",
    )
    parser.add_argument(
        "--check", action="store_true", help="fail if any message is still unfinished"
    )
    parser.add_argument("tsv", nargs="*", help="TSV files: context, source, translation")
    args = parser.parse_args()

    rows, ok = read_tsvs(args.tsv)
    if not ok:
        return 2
    with open(args.ts, encoding="utf-8", newline="") as f:
        ts_text = f.read()
    try:
        out, stats, unused = merge(ts_text, rows)
        ET.fromstring(out.encode("utf-8"))  # well-formed, or nothing is written
    except (ValueError, ET.ParseError) as e:
        print("%s: %s" % (args.ts, e), file=sys.stderr)
        return 2

    if out != ts_text:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(args.ts)), suffix=".ts")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(out)
        shutil.copymode(args.ts, tmp)
        os.replace(tmp, args.ts)

    for (context, source), where in unused:
        print("%s: no message %r in context %s" % (where, source, context), file=sys.stderr)
    print(
        "%s: %d messages, %d filled from %d TSV rows, %d unfinished"
        % (args.ts, stats["messages"], stats["filled"], len(rows), len(stats["unfinished"]))
    )
    if args.check:
        for context, source in stats["unfinished"]:
            print("unfinished: %s: %r" % (context, source), file=sys.stderr)
    if unused or (args.check and stats["unfinished"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
