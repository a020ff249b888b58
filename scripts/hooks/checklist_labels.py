"""Give every checklist box its item's text as label.

pymdownx.tasklist writes `- [ ] text` as <li class="task-list-item"><input type="checkbox"
disabled/> text</li>: screen readers announce a checkbox without a name (axe-core rule "label",
critical). This hook puts the box and the item's text, up to any nested list or paragraph, in a
<label>, so the text names the box. The box is also enabled: the reader can tick it on the
phone (a native checkbox, no script needed), and on paper it prints as an empty box to tick
with a pen (print.css). The page is not sent anywhere: a tick stays in the reader's browser.
"""

import re

ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>)?)(<input type="checkbox"[^>]*>)(.*?)(?=</p>|</li>|<ul|<ol|<div|<p[ >])',
    re.S,
)


DISABLED = re.compile(r"\s+disabled(?:=\"[^\"]*\")?")


def label_checklists(html):
    return ITEM.sub(
        lambda m: f"{m.group(1)}<label>{DISABLED.sub('', m.group(2))}{m.group(3)}</label>", html
    )


def on_page_content(html, page, config, files):
    return label_checklists(html)
