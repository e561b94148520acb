"""Every key binding of the browser, by id, grouped as the help screen and the README list them.

The widgets take their `BINDINGS` from here; the config (tui/config.py) checks a user's remapping
against `all_ids()`. This module imports no widget: it is data.
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark,f1", "help", "Keys", id="app.help"),
    Binding(
        "colon,ctrl+p",
        "command_palette",
        "Command palette: keys, saved searches, marks, go to…",
        show=False,
        id="app.palette",
    ),
]

BROWSER = [
    Binding("tab", "pane(1)", "Next pane", show=False, id="pane.next"),
    Binding("shift+tab", "pane(-1)", "Prev pane", show=False, id="pane.prev"),
    Binding("1", "show_pane('articles')", "Articles", show=False, id="pane.articles"),
    Binding("2", "show_pane('entities')", "Entities", show=False, id="pane.entities"),
    Binding("3", "show_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
    Binding("4", "show_pane('quotes')", "Quotes", show=False, id="pane.quotes"),
    Binding("left_square_bracket,alt+left", "back", "Back", id="history.back"),
    Binding("right_square_bracket,alt+right", "forward", "Forward", show=False, id="history.forward"),
    Binding("slash", "search", "Search", id="search.open"),
    Binding("n", "hit(1)", "Next hit", show=False, id="search.next"),
    Binding("N", "hit(-1)", "Prev hit", show=False, id="search.prev"),
    Binding("escape", "escape", "Back out", show=False, id="escape"),
    Binding("f", "filter_by", "Filter by", id="filter.add"),
    Binding("x", "unfilter", "Unfilter", show=False, id="filter.remove"),
    Binding("X", "unfilter_all", "Clear filters", show=False, id="filter.clear"),
    Binding("p", "provenance", "Provenance", id="provenance"),
    Binding("y", "copy_quote", "Copy quote", show=False, id="quote.copy"),
    Binding("z", "maximise", "Maximise", show=False, id="pane.maximise"),
    Binding("D", "jump_date", "Date", show=False, id="timeline.jump"),
    Binding("ctrl+r,f5", "refresh", "Refresh", show=False, id="app.refresh"),
    Binding("c", "correct", "Correct", show=False, id="correct.open"),
    Binding("u", "undo_correction", "Undo correction", show=False, id="correct.undo"),
    Binding("R", "review", "Review a sample", show=False, id="review.open"),
    Binding("S", "save_view", "Save view", show=False, id="view.save"),
    Binding("vertical_line", "pipe", "Pipe to command", show=False, id="view.pipe"),
    Binding("m", "toggle_mark", "Mark", show=False, id="mark.toggle"),
    Binding("r", "toggle_read", "Read/unread", show=False, id="read.toggle"),
]

LIST = [
    Binding("down,j", "cursor(1)", "Down", show=False, id="list.down"),
    Binding("up,k", "cursor(-1)", "Up", show=False, id="list.up"),
    Binding("g,home", "first", "First", show=False, id="list.first"),
    Binding("G,end", "last", "Last", show=False, id="list.last"),
    Binding("pagedown,ctrl+f,space", "page(1)", "Page down", show=False, id="list.page_down"),
    Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="list.page_up"),
    Binding("enter", "select", "Open", id="list.select"),
    Binding("o", "screen.sort_column", "Sort by next column", show=False, id="list.sort_column"),
]

ARTICLES = [
    Binding("s", "screen.sort", "Sort", id="articles.sort"),
    Binding("b", "screen.toggle_basis", "Date basis", show=False, id="articles.basis"),
]

ENTITIES = [
    Binding("t", "screen.cycle_type", "Type", id="entities.type"),
    Binding("slash", "screen.filter_entities", "Filter", id="entities.filter"),
]

TIMELINE = [
    Binding("d", "screen.jump_date", "Jump to date", id="timeline.date"),
    Binding("v", "screen.toggle_timeline", "Events/dates", id="timeline.view"),
]

QUOTES = [
    Binding("s", "screen.sort", "Sort", id="quotes.sort"),
    Binding("v", "screen.toggle_statements", "Statements / every quote", id="quotes.statements"),
]

READER = [
    Binding("tab,e", "link(1)", "Next link", id="reader.next_link"),
    Binding("shift+tab,E", "link(-1)", "Prev link", show=False, id="reader.prev_link"),
    Binding("enter", "follow", "Follow", id="reader.follow"),
    Binding("down,j", "scroll_lines(1)", "Down", show=False, id="reader.down"),
    Binding("up,k", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
    Binding("g,home", "top", "Top", show=False, id="reader.top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    Binding("pagedown,space,ctrl+f", "page(1)", "Page down", show=False, id="reader.page_down"),
    Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page_up"),
]

# The correction menu (`c`): each key one correction of the fact under the cursor (`tui.correcting`).
CORRECT_MENU = [
    Binding("s", "choose('speaker')", "Set the speaker", id="correct.speaker"),
    Binding("S", "choose('clear_speaker')", "Clear the speaker", id="correct.clear_speaker"),
    Binding("k", "choose('kind')", "Change a quote's kind", id="correct.kind"),
    Binding("r", "choose('reject')", "Reject (a quote, a date)", id="correct.reject"),
    Binding("g", "choose('statement')", "Statement grouping wrong", id="correct.statement"),
    Binding("v", "choose('value')", "Set a date's value", id="correct.value"),
    Binding("m", "choose('merge')", "Merge (entity, event)", id="correct.merge"),
    Binding("a", "choose('split')", "Split off (alias, report)", id="correct.split"),
    Binding("n", "choose('rename')", "Rename an entity", id="correct.rename"),
    Binding("t", "choose('type')", "Set an entity's type", id="correct.type"),
    Binding("d", "choose('date')", "Set the publication date", id="correct.date"),
    Binding("escape,q,c", "dismiss", "Cancel", id="correct.cancel"),
]

# The review (`R`): answer the item shown.
REVIEW = [
    Binding("r", "answer('right')", "Right", id="review.right"),
    Binding("w", "answer('wrong')", "Wrong", id="review.wrong"),
    Binding("s", "answer('skip')", "Skip", id="review.skip"),
    Binding("escape,q", "dismiss", "Close", id="review.close"),
]

# The modal screens' own keys: not listed in the help (they close what shows it).
PROVENANCE = [Binding("escape,q,p", "dismiss", "Close", id="modal.close")]
HELP = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]


def groups() -> list[tuple[str, list[Binding]]]:
    """The bindings the help screen lists, under their headings."""
    return [
        ("Everywhere", [*APP, *BROWSER]),
        ("Lists (Articles, Entities, Timeline, Quotes)", LIST),
        ("Articles", ARTICLES),
        ("Entities", ENTITIES),
        ("Timeline", TIMELINE),
        ("Quotes", QUOTES),
        ("Reader", READER),
        ("Correct (after c)", CORRECT_MENU),
        ("Review (after R)", REVIEW),
    ]


def all_ids() -> list[str]:
    """Every binding id a user may remap, in help order."""
    return [b.id for _, bindings in groups() for b in bindings if b.id]


def scopes() -> dict[str, list[Binding]]:
    """Where bindings are active together (the focused widget's, its screen's and the app's): a key may
    mean one thing in each."""
    shared = [*APP, *BROWSER]
    return {
        "Articles": [*shared, *LIST, *ARTICLES],
        "Entities": [*shared, *LIST, *ENTITIES],
        "Timeline": [*shared, *LIST, *TIMELINE],
        "Quotes": [*shared, *LIST, *QUOTES],
        "the reader": [*shared, *READER],
        "the correction menu": CORRECT_MENU,
        "the review": REVIEW,
    }
