#!/usr/bin/env python3
"""Move the mnemonic (&) of Persian translations to a letter where the underline cannot cut
a join, or drop it when there is none (see TestTranslations::mnemonicsKeepLettersJoined).

A mnemonic is drawn as a separate run, so the letter after & must not join the letter before
it nor the one after it. Usage: tools/fix_persian_mnemonics.py [translations/branchdesk_fa.ts]
"""
import re
import sys
import unicodedata

# Arabic-script letters that join only to the letter before them (never forward).
RIGHT_JOINING = set("اآأإٱدذرزژوؤۀةڈڑ")
NON_JOINING = set("ء")


def is_arabic_letter(c):
    return "\u0600" <= c <= "\u06FF" and unicodedata.category(c).startswith("L")


def joins(c):
    return is_arabic_letter(c) and c not in NON_JOINING


def joins_forward(c):
    return (is_arabic_letter(c) and c not in RIGHT_JOINING and c not in NON_JOINING) or c == "\u0640"


def safe_at(text, i):
    """True when a mnemonic on text[i] cuts no join."""
    c = text[i]
    if not is_arabic_letter(c):
        return c.strip() != "" and c != "&"
    before = i > 0 and joins_forward(text[i - 1])
    after = joins_forward(c) and i + 1 < len(text) and joins(text[i + 1])
    return not before and not after


def fix(text):
    i = text.find("&")
    while i != -1 and i + 1 < len(text) and text[i + 1] == "&":
        i = text.find("&", i + 2)
    if i == -1 or i + 1 >= len(text):
        return text
    plain = text[:i] + text[i + 1:]
    if safe_at(plain, i):
        return text
    for j in range(len(plain)):
        if is_arabic_letter(plain[j]) and safe_at(plain, j):
            return plain[:j] + "&" + plain[j:]
    return plain


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "translations/branchdesk_fa.ts"
    data = open(path, encoding="utf-8").read()
    changed = 0

    def repl(m):
        nonlocal changed
        inner = m.group(2).replace("&amp;", "&")
        fixed = fix(inner)
        if fixed == inner:
            return m.group(0)
        changed += 1
        return m.group(1) + fixed.replace("&", "&amp;") + m.group(3)

    # Only messages whose English source has a mnemonic (& before a letter): a literal "&"
    # in a sentence ("& % $ # !") is text, not a mnemonic.
    def message(m):
        block = m.group(0)
        source = re.search(r"<source>([^<]*)</source>", block)
        if not source or not re.search(r"&amp;[A-Za-z]", source.group(1)):
            return block
        return re.sub(r"(<translation(?: type=\"[a-z]+\")?>)([^<]*&amp;[^<]*)(</translation>)", repl, block)

    data = re.sub(r"<message>.*?</message>", message, data, flags=re.S)
    open(path, "w", encoding="utf-8").write(data)
    print(f"{path}: {changed} mnemonic(s) moved or dropped")


if __name__ == "__main__":
    main()
