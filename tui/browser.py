"""The browser screen: four linked panes, the reader, filter chips and history.

Siblings never talk to each other: the lists and the reader post messages up,
this screen decides what changes (asking tui/navigation.py) and pushes attributes
down. Every navigation goes through `navigate`, which records a `Snapshot` in the
History so `[`/`]` can restore cursor, scroll and filters. A step is drawn in one
frame (tui/steps.py).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from dataclasses import replace
from typing import NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input
from textual.worker import get_current_worker

from model.corpus import query as q

from . import bindings, saved
from . import navigation as nav
from .browser_corrections import Corrections
from .document import Doc, article_for_row, message_doc, read_document, read_rest
from .internals import set_border, withdraw_notice
from .marking import MarkAndRead
from .panes import LISTS, MARK_GLYPH, MARKED_PANES, PANES, EventCounts, entities_source
from .render import Box, draw_ahead
from .saving import PIPE_PROMPT, SAVE_PROMPT, SaveAndPipe
from .state import Chips, DocRef, History, Recent, Snapshot, Target
from .steps import StepScreen
from .text import clean
from .widgets.bars import ChipBar, KeyBar, Line
from .widgets.density import DensityStrip
from .widgets.header import ColumnHeader
from .widgets.reader import Reader
from .widgets.vlist import PAGE, READS, VirtualList

WIDE = (120, 35)
JUMP_PROMPT = "jump the timeline to YYYY, YYYY-MM or YYYY-MM-DD (enter jumps, escape cancels)"
SAID_PROMPT = "quotes said in YYYY, YYYY-MM or YYYY-MM-DD (enter filters, empty: all, escape cancels)"
TINY = (60, 16)
SEARCH_PROMPT = 'search: words "a phrase" -word speaker: entity: kind: source: date: said: (? help, :save NAME)'


class Prompt(Input):
    """The search or date line. Textual restyles a widget (and its component classes) on every focus
    change; this one loses focus as it closes, hidden: it is restyled for that only if still shown.
    Its CSS (and Input's) is parsed when the first prompt is made, not at start-up. Its rules name the lines
    themselves, so they are not scoped: Textual scopes a rule to a widget's descendants (`Prompt #pipe`), and only
    the last selector of a list, which left `#pipe` a three-line bordered box that stayed after it closed."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #search, #date, #correct, #save, #pipe { dock: bottom; display: none; height: 1; border: none; padding: 0 1; }
    """

    def watch_has_focus(self, has_focus: bool) -> None:
        if has_focus or self.display:
            super().watch_has_focus(has_focus)


class EntityFilter(Input):
    """The line above the Entities list that filters it by name, shown while it holds a name or is typed in.
    Unscoped CSS, as `Prompt`'s: a scoped `#entity-filter` rule would match only inside an EntityFilter."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    #entity-filter { height: 1; border: none; padding: 0 1; display: none; }
    #entity-filter.-shown { display: block; }
    """


def _prompt_line(name: str, placeholder: str):
    return lambda: Prompt(placeholder=placeholder, id=name, classes="prompt")


# The widgets made when first asked for, by selector (`MainScreen._made`).
LATER = {
    "#search": _prompt_line("search", SEARCH_PROMPT),
    "#date": _prompt_line("date", JUMP_PROMPT),
    "#correct": _prompt_line("correct", "enter confirms, escape cancels"),
    "#save": _prompt_line("save", SAVE_PROMPT),
    "#pipe": _prompt_line("pipe", PIPE_PROMPT),
    "#entity-filter": lambda: EntityFilter(placeholder="filter entities by name", id="entity-filter"),
}


class Layout(NamedTuple):
    """What the screen's size and the state make of the layout."""

    wide: bool  # the panes beside the reader, every one shown
    tiny: bool
    solo: bool  # one thing at a time: a tiny screen, or a pane maximised

    @property
    def one_pane(self) -> bool:
        """Only the active pane is on screen."""
        return not self.wide or self.solo


class MainScreen(Corrections, SaveAndPipe, MarkAndRead, StepScreen):
    SCOPED_CSS = False
    AUTO_FOCUS = None  # focus is ours to give: a key pressed during start-up must not be undone
    BINDINGS = bindings.BROWSER

    DEFAULT_CSS = """
    MainScreen { layout: vertical; }
    #body { height: 1fr; }
    #panes { width: 55%; min-width: 50; }
    .pane { height: 1fr; border: round $panel-lighten-2; border-title-color: $text-muted; padding: 0; }
    .pane:focus-within { border: round $primary; border-title-color: $text; border-title-style: bold; }
    #viewer { width: 1fr; border: round $panel-lighten-2; border-title-style: bold; }
    #viewer:focus-within { border: round $primary; }
    #status { height: 1; color: $text-muted; padding: 0 1; background: $surface; }
    .-narrow #body { layout: vertical; }
    .-narrow #panes { width: 1fr; height: 45%; min-width: 0; }
    .-narrow .pane { display: none; height: 1fr; }
    .-narrow .pane.-active { display: block; }
    .-narrow #viewer { height: 1fr; }
    .-solo #panes { display: none; }
    .-solo #viewer { height: 1fr; }
    .-solo.-pane-focus #panes { display: block; height: 1fr; width: 1fr; }
    .-solo.-pane-focus #viewer { display: none; }
    .-solo .pane { display: none; }
    .-solo .pane.-active { display: block; }
    .-tiny KeyBar { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.state = Snapshot()
        self.history: History[Snapshot] = History(cap=200)
        self.recent = Recent()  # where the command palette went, most recent first
        self.labels: list[str] = []
        self._doc_request = 0
        self._doc_reads = object()  # the tag of the reader's document read (`Db.session`)
        self._doc_pending = False
        self._terms_stale = False  # the reader's search terms wait for the next document
        self._starting = False
        self._prompt_name: str | None = None  # the open prompt line's id
        self._titles_due = False  # a held step changed what the titles show
        self._doc_row: tuple[str, int] | None = None  # (pane, row id) whose item the reader shows, if it is one
        self._open_when_loaded: str | None = None  # a list being sorted: the reader shows its row once loaded
        # Loads of lists not on screen (a layout of one pane at a time; the panes after the first at start-up): pane
        # -> (source, cursor, scroll), read after the step's frame (`_load_unseen`).
        self._unseen_loads: dict[str, tuple] = {}
        self._date_for = "timeline"  # what the date prompt's date is for: the timeline, or the quotes said then
        self._date_when_loaded: tuple[int, int] | None = None  # (Timeline load, index) a date jump lands on once loaded
        # The events per date value of each filter set (the Timeline's count, density strip and date jumps),
        # kept until a refresh; and the filters the density strip shows (None: hidden, the Timeline lists dates).
        self.event_counts = EventCounts()
        self._density_for: q.Filters | None = None
        self._headers: dict[str, ColumnHeader] = {}  # each list's column header, by pane
        self._found: dict[tuple, object] = {}  # `_one`'s widgets, by what was asked
        self._later: dict[str, Input] = {}  # the prompt lines and entity filter made so far, by selector
        self._line_said: str | None = None  # the notice about the open prompt line: it goes with the line

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield ChipBar(id="chips")
        with Horizontal(id="body"):
            with Vertical(id="panes"):
                for name in PANES:
                    with Box(id=f"pane-{name}", classes="pane"):
                        if name == "timeline":
                            yield DensityStrip(id="density")
                        yield ColumnHeader(id=f"header-{name}")
                        yield LISTS[name](id=name)
            with Box(id="viewer"):
                yield Reader(id="reader")
                yield Line(id="status")
        yield KeyBar()

    def _one(self, selector, expect_type=None):
        """`query_one`, each selector looked up once: the screen's widgets are made as it is composed and stay
        (a DOM query cost ~30 us, and a step asked for some twenty). A prompt line or the entity filter is made
        the first time it is asked for (`_made`)."""
        key = (selector, expect_type)
        widget = self._found.get(key)
        if widget is None:
            if selector in LATER:
                widget = self._made(selector)
            else:
                widget = self.query_one(selector) if expect_type is None else self.query_one(selector, expect_type)
            self._found[key] = widget
        return widget

    def _made(self, selector: str) -> Input:
        """The prompt line or entity filter `selector`, mounted when first asked for: most sessions open few of
        them, and six Inputs built, styled and parsed at start-up cost ~5% of it."""
        box = self._later.get(selector)
        if box is None:
            box = self._later[selector] = LATER[selector]()
            if selector == "#entity-filter":  # above the Entities list's column header
                self.query_one("#pane-entities").mount(box, before=self.query_one("#header-entities"))
            else:  # the prompts take the key bar's line while open, so nothing above them moves
                self.mount(box, before=self.query_one(KeyBar))
        return box

    def lst(self, name: str) -> VirtualList:
        return self._one(f"#{name}", VirtualList)

    @property
    def reader(self) -> Reader:
        return self._one(Reader)

    def on_mount(self) -> None:
        self._hold()  # the first frame comes with the first rows and article, not before them
        self._starting = True
        self._titles()
        self._restore(self.state, reload=True)
        self._starting = False
        self.history.visit(self.state)
        self._deferred.append(self._load_labels)
        self._deferred.append(self._load_read)
        self._deferred.append(self._load_marks)
        self.lst("articles").dim_row = self._is_read
        for name in MARKED_PANES:
            self.lst(name).mark_row, self.lst(name).mark_glyph = self._is_marked, MARK_GLYPH
        self._layout_classes()
        self._done("navigate")

    def on_resize(self) -> None:
        self._layout_classes()

    def _layout(self, snap: Snapshot) -> Layout:
        w, h = self.size
        wide = w >= WIDE[0] and h >= WIDE[1]
        tiny = w < TINY[0] or h < TINY[1]
        return Layout(wide, tiny, solo=tiny or snap.maximised)

    def _layout_classes(self) -> None:
        wide, tiny, solo = layout = self._layout(self.state)
        wanted = {"-narrow": not wide, "-tiny": tiny, "-solo": solo}
        if solo:  # a class on the screen restyles every widget: only where it changes the layout
            wanted["-pane-focus"] = self.state.focus != "reader"
        _classes(self, wanted)
        if layout.one_pane:  # a class restyles the pane's list: only where it shows or hides it
            for name in PANES:
                _classes(self._one(f"#pane-{name}"), {"-active": name == self.state.active})
        self.lst("quotes").set_tall(self.state.maximised)  # a quote on two lines when its list has the screen
        self._show_headers()

    def _show_headers(self) -> None:
        """Each list's column header for what it shows and its sort (a header that shows that already is left
        as it is: this runs on every focus move)."""
        if not self._headers:  # looked up once: a DOM query each focus move cost ~0.1 ms
            self._headers = {name: self._one(f"#header-{name}", ColumnHeader) for name in PANES}
        for name, header in self._headers.items():
            layout, key = nav.header_layout(name, self.state, tall=name == "quotes" and self.state.maximised)
            header.show(layout, key, nav.pane_sort(self.state, name), nav.sort_marks(name))

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if widget.id in PANES and widget.id != self.state.active:
            self.state = replace(self.state, active=widget.id)
        if widget.id in PANES or widget.id == "reader":
            self.state = replace(self.state, focus=widget.id)
        ref, doc = self.state.doc, self.reader.doc
        if widget.id == "reader" and (ref is None or (ref.kind, ref.ident) == (doc.kind, doc.ident)):
            self.article_opened(doc)  # not a page still on show while the one asked for loads: that one, once shown
        self._layout_classes()

    def _titles(self) -> None:
        """Bring the pane titles, the viewer's title and the chip bar up to date; during a held step, once,
        as it is released (a step asked for them three or four times, ~0.3 ms each)."""
        if self._holding is not None:
            self._titles_due = True
            return
        self._titles_due = False
        self._draw_titles()

    def _step_released(self) -> None:
        if self._titles_due:
            self._titles()

    def _draw_ahead(self, name: str) -> None:
        widget = self.lst(name) if name in PANES else self.reader if name == "doc" else None
        if widget is not None:
            draw_ahead(widget)

    def _draw_titles(self) -> None:
        for i, name in enumerate(PANES, 1):
            title = nav.pane_title(i, name, self.lst(name).shown_total)
            set_border(self._one(f"#pane-{name}"), title, nav.pane_subtitle(name, self.state))
        set_border(self._one("#viewer"), nav.doc_summary(self.reader.doc))
        self._hit_count()
        back = "◀" if self.history.can_back else " "
        fwd = "▶" if self.history.can_forward else " "
        self._one(ChipBar).show(self.state.chips.labels(), f"{back}{fwd}")

    def _hit_count(self) -> None:
        r = self.reader
        searching = self.state.chips.search and r.doc.kind == "article"
        set_border(self._one("#viewer"), subtitle=nav.hit_count(r.hit, r.hits) if searching else "")

    # ---------------------------------------------------------------- state and history

    def capture(self) -> Snapshot:
        positions = {
            name: self._unseen_loads[name][1:] if name in self._unseen_loads else self.lst(name).position
            for name in PANES
        }
        doc = self.state.doc
        r = self.reader
        if doc is not None and (r.doc.kind, r.doc.ident) == (doc.kind, doc.ident):
            cursor, scroll = r.position
            doc = replace(doc, cursor=cursor, scroll=scroll, target=r.target, find=None)
        focused = self.focused
        focus = focused.id if focused is not None and focused.id in (*PANES, "reader") else self.state.focus
        return replace(self.state, positions=positions, doc=doc, focus=focus)

    def navigate(self, new: Snapshot) -> None:
        """Go somewhere new: remember where we were, then show `new`."""
        self._hold()
        self.history.replace(self.capture())
        old = self.history.current
        self._restore(new, reload=False, old=old)
        self.history.visit(self.capture())
        self._titles()
        self._done("navigate")

    def action_back(self) -> None:
        self._travel(self.history.back, "nothing to go back to")

    def action_forward(self) -> None:
        self._travel(self.history.forward, "nothing forward")

    def _travel(self, step, nothing: str) -> None:
        self.history.replace(self.capture())
        snap = step()
        if snap is None:
            self.notify(nothing, timeout=2)
            return
        self._hold()
        self._restore(snap, reload=False, old=self.state, exact=True)
        self._titles()
        self._done("navigate")

    def _restore(
        self, snap: Snapshot, *, reload: bool, old: Snapshot | None = None, exact: bool = False, focus: bool = True
    ) -> None:
        """Make the screen show `snap`. Lists whose query changed reload; with `exact`
        every list goes back to its remembered cursor and scroll; without `focus`, the focus stays where it is."""
        old = old or Snapshot()
        sources = nav.pane_sources(snap, old, self.event_counts)
        self.state = snap
        for name, (source, key, old_key) in sources.items():
            self._restore_list(name, source, reload or key != old_key, snap, exact or reload, exact)
        self._restore_entity_filter(snap.name)
        self._restore_density(nav.density_key(snap))
        if snap.doc is not None and (exact or snap.doc != old.doc):
            self._open(snap.doc)
        if snap.chips.search != old.chips.search:
            self._restore_terms(snap)
        if focus:
            self.set_focus(self.reader if snap.focus == "reader" else self.lst(snap.focus))
        self._layout_classes()

    def _restore_list(self, name: str, source, changed: bool, snap: Snapshot, remembered: bool, exact: bool) -> None:
        """Reload list `name` from `source` if its query `changed` (at its `remembered` cursor and scroll,
        or at the top); else, with `exact`, put it back where `snap` had it."""
        vl = self.lst(name)
        if changed or vl.source is None:
            cursor, scroll = snap.positions.get(name, (0, 0)) if remembered else (0, 0)
            if (self._starting and name != snap.focus) or self._unseen(name, snap):
                # at start-up the focused list and its article come first; a list not on screen comes after the
                # step's frame: neither holds it up
                self._load_after_the_frame(name, (source, cursor, scroll))
                return
            self._unseen_loads.pop(name, None)
            self._expect(name)
            # a list that will open its first row's article brings that article with its first page
            first = article_for_row if name == "articles" and snap.doc is None else None
            vl.load(source, cursor, scroll, prefetch=first)
        elif exact and name in self._unseen_loads and name in snap.positions:
            self._unseen_loads[name] = (self._unseen_loads[name][0], *snap.positions[name])
        elif exact and name in snap.positions:
            cursor, scroll = snap.positions[name]
            vl.cursor = cursor
            vl.scroll_y_to(scroll)
            vl.refresh()

    def _unseen(self, name: str, snap: Snapshot) -> bool:
        """Whether list `name` is off screen in `snap` (the layout shows its active pane alone) and nothing of the
        step waits for it: not the Articles list whose first article the reader is to open, not a list whose row
        the reader is to show once it loads."""
        if not self._layout(snap).one_pane or name == snap.active or name == self._open_when_loaded:
            return False
        return not (name == "articles" and snap.doc is None)

    def _load_after_the_frame(self, name: str, load: tuple) -> None:
        """Load list `name` (`load`: source, cursor, scroll) once the step's frame is out (`_load_unseen`); at
        once outside a step."""
        if self._holding is None:
            self._unseen_loads.pop(name, None)
            self.lst(name).load(*load)
            return
        if not self._unseen_loads:
            self._deferred.append(self._load_unseen)
        if name not in self._unseen_loads:
            self.lst(name).forsake()  # the step before's reads of it, stale: not beside this step's
        self._unseen_loads[name] = load

    def _load_unseen(self) -> None:
        loads, self._unseen_loads = self._unseen_loads, {}
        for name, (source, cursor, scroll) in loads.items():
            self.lst(name).load(source, cursor, scroll)

    def _restore_density(self, key: q.Filters | None) -> None:
        """Show the density strip for the Timeline's filters (hidden when it lists dates). Its months come
        with the Timeline's count (`EventCounts`): at once when known, else when the Timeline has loaded."""
        strip = self._one(DensityStrip)
        self._density_for = key
        strip.display = key is not None
        months = self.event_counts.known_months(key) if key is not None else None
        if months is not None:
            strip.show(months)

    def _timeline_counted(self) -> None:
        if self._density_for is not None:
            months = self.event_counts.known_months(self._density_for)
            self._one(DensityStrip).show(months if months is not None else [])

    def action_toggle_timeline(self) -> None:
        view = "dates" if self.state.timeline_view == "events" else "events"
        self.navigate(replace(self.capture(), timeline_view=view, focus="timeline", active="timeline"))

    def _restore_entity_filter(self, name: str) -> None:
        if not name and "#entity-filter" not in self._later:  # never opened: nothing to clear
            return
        box = self._one("#entity-filter", Input)
        box.set_class(bool(name), "-shown")
        if box.value != name:
            with box.prevent(Input.Changed):
                box.value = name

    def _restore_terms(self, snap: Snapshot) -> None:
        if snap.doc is None and self.lst("articles").total is None:
            # the reader is about to show the first article found, with these terms: marking them in
            # the article it shows now would be thrown away (unless nothing is found: see on_loaded)
            self._terms_stale = True
        else:
            self.reader.set_terms(q.search_terms(snap.chips.search))

    # ---------------------------------------------------------------- the reader's document

    def _open(self, ref: DocRef, doc: Doc | None = None, row_of: tuple[str, int] | None = None) -> None:
        """Load `ref` into the reader; `doc`, when given, is that document already made (fetched along
        with other rows in the same worker), shown at once; `row_of`, the (pane, row id) it is the item of."""
        self.state = replace(self.state, doc=ref)
        self._doc_row = row_of
        self._expect("doc")
        self._doc_request += 1
        self.app.db.interrupt(self._doc_reads)  # the document asked before this one is no longer wanted
        self._doc_reads = object()
        if doc is not None:
            self._show_doc(self._doc_request, ref, doc, q.search_terms(self.state.chips.search))
            return
        # a page opened at its top may come in part, its first screens first (an entity page: `read_document`)
        at_top = ref.cursor is None and not ref.scroll and ref.target is None and ref.find is None
        rows = self.reader.scrollable_content_region.height if at_top else None
        terms = q.search_terms(self.state.chips.search)
        read = READS.submit(self._read_doc, self._doc_reads, ref, self.reader.text_width(), rows)
        self._load_doc(read, self._doc_request, ref, terms)
        request = self._doc_request
        # A slow page (an entity in every article of a huge corpus) shows it is loading.
        self.set_timer(0.3, lambda: self._show_loading(request))
        self._doc_pending = True

    def _show_loading(self, request: int) -> None:
        if request == self._doc_request and self._doc_pending:
            self.reader.loading = True

    @work(exclusive=True, group="doc")
    async def _load_doc(self, read: Future, request: int, ref: DocRef, terms: list[str]) -> None:
        """Wait for the document `_open` started reading (a newer one cancels the wait), and show it."""
        self._show_doc(request, ref, await asyncio.wrap_future(read), terms)

    def _read_doc(self, reads: object, ref: DocRef, width: int, rows: int | None) -> Doc:
        """The document `ref` names, made for `width` (in a thread of `READS`), or a message saying why not."""
        try:
            with self.app.db.session(reads) as conn:
                return read_document(conn, ref.kind, ref.ident, width, rows or None)
        except q.QueryError as e:
            return message_doc(str(e))

    def _show_doc(self, request: int, ref: DocRef, doc: Doc, terms: list[str]) -> None:
        if request != self._doc_request:
            return
        self._doc_pending = False
        self._terms_stale = False
        self.reader.loading = False
        cursor, target = ref.cursor, ref.target
        if ref.find is not None:
            cursor, target = nav.find_link(doc, ref.find)
        hit = None
        if ref.find is not None and ref.find[0] == "hit":
            hit = "last" if ref.find == ("hit", "last") else "first"
        self.reader.show(doc, cursor=cursor, scroll=ref.scroll, target=target, terms=terms, hit=hit)
        self._one("#status", Line).update(nav.describe_link(self.reader.link, doc))  # now, not a frame later
        if self.state.focus == "reader":
            self.article_opened(doc)
        self._titles()
        self._done("doc")

    def on_reader_wants_rest(self, message: Reader.WantsRest) -> None:
        self._load_rest(self._doc_request, self._doc_reads, message.page, self.reader.text_width())

    @work(thread=True, exclusive=True, group="doc-rest")
    def _load_rest(self, request: int, reads: object, head: q.EntityPage | q.StatementPage, width: int) -> None:
        """The rest of the entity or statement page whose head the reader shows (a newer document interrupts it)."""
        try:
            with self.app.db.session(reads) as conn:
                doc = read_rest(conn, head, width)
        except q.QueryError as e:
            if str(e) != "interrupted" and not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.notify, str(e), severity="error", timeout=6)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._extend_doc, request, head, doc, width)

    def _extend_doc(self, request: int, head: q.EntityPage | q.StatementPage, doc: Doc, width: int) -> None:
        if request == self._doc_request and self.reader.doc.partial is head:
            self.reader.extend(doc, width)

    def on_reader_link_changed(self, message: Reader.LinkChanged) -> None:
        self._one("#status", Line).update(nav.describe_link(message.link, message.reader.doc))

    # ---------------------------------------------------------------- lists

    def on_virtual_list_loaded(self, message: VirtualList.Loaded) -> None:
        if message.error:
            self.notify(message.error, severity="error", timeout=6)
        self._titles()
        if message.vlist.id == "timeline":
            self._timeline_counted()
            self._land_date(message.vlist.generation)
        opened = False
        if message.vlist.id == "articles" and self.state.doc is None and message.total:
            opened = self._open_first_article(message.vlist.highlighted, message.prefetched)
        if message.vlist.id == self._open_when_loaded:
            self._open_when_loaded = None
            opened = opened or self._show_row_of(message.vlist.id)
        if message.vlist.id == "articles" and self._terms_stale and not opened:
            self._terms_stale = False  # nothing found to open: the terms go to the article shown
            self.reader.set_terms(q.search_terms(self.state.chips.search))
        self._done(message.vlist.id)

    def _open_first_article(self, row, prefetched) -> bool:
        """Open the Articles list's row at the cursor (its document `prefetched` with the list's first
        page, if it was); False when there is no row to open."""
        if row is None:
            return False
        self._open(
            DocRef("article", row.id, find=("hit",) if self.state.chips.search else None),
            doc=prefetched[1] if prefetched is not None and prefetched[0] == row.id else None,
            row_of=("articles", row.id),
        )
        return True

    def _show_row_of(self, name: str) -> bool:
        """Open the item of list `name`'s row at the cursor in the reader, unless it shows it already;
        True if it opened it."""
        row = self.lst(name).highlighted
        if row is None or self._doc_row == (name, row.id):
            return False
        ref = nav.ref_for_row(name, row, bool(self.state.chips.search))
        if ref is None:
            return False
        self._open(ref, row_of=(name, row.id))
        return True

    def on_virtual_list_loading(self, message: VirtualList.Loading) -> None:
        self._titles()

    def on_virtual_list_highlighted(self, message: VirtualList.Highlighted) -> None:
        if isinstance(message, VirtualList.Selected):
            return
        ref = nav.ref_for_row(message.vlist.id, message.row, bool(self.state.chips.search))
        if ref is not None:
            self._hold()  # the cursor's row and its item in the reader, in one frame
            self._open(ref, row_of=(message.vlist.id, message.row.id))

    def on_virtual_list_selected(self, message: VirtualList.Selected) -> None:
        name, row = message.vlist.id, message.row
        if self._prompt() is not None:
            # `enter` typed ahead of the rows, which came after a prompt opened: the row's item is shown, and the
            # prompt keeps the focus and the filters it acts on
            ref = nav.ref_for_row(name, row, bool(self.state.chips.search))
            if ref is not None:
                self._open(ref, row_of=(name, row.id))
            return
        snap = self.capture()
        ref = nav.ref_for_row(name, row, bool(self.state.chips.search))
        if name in ("articles", "entities"):
            snap = replace(snap, chips=snap.chips.set(*nav.chip_for_row(name, row)))
        self.navigate(replace(snap, doc=ref, focus="reader"))
        self._doc_row = (name, row.id)

    # ---------------------------------------------------------------- following links

    def on_reader_follow(self, message: Reader.Follow) -> None:
        where = nav.follow(message.link, message.reader.doc.kind)
        if where is None:
            return
        kind, value = where
        snap = replace(self.capture(), focus="reader")
        if kind == "doc":
            self.navigate(replace(snap, doc=value))
        elif kind == "date":
            self._goto_date(value, snap=replace(snap, focus="timeline", active="timeline"))
        else:
            text, timeout = value
            self.notify(text, timeout=timeout)

    # ---------------------------------------------------------------- panes and focus

    def action_pane(self, delta: int) -> None:
        order = [*PANES, "reader"]
        # The focus we asked for, not `self.focused`: focus moves a message later, and keys come in bursts.
        current = self.state.focus
        name = order[(order.index(current) + delta) % len(order)] if current in order else order[0]
        self._focus(name)

    def action_show_pane(self, name: str) -> None:
        self._focus(name)

    def _focus(self, name: str) -> None:
        if name in PANES:
            switched = name != self.state.active
            self.state = replace(self.state, active=name, focus=name)
            self._layout_classes()
            self.set_focus(self.lst(name))
            if switched:  # the reader shows the item of the pane the user turned to
                self._show_row_of(name)
        else:
            self.state = replace(self.state, focus="reader")
            self._layout_classes()
            self.set_focus(self.reader)

    def action_maximise(self) -> None:
        self.state = replace(self.state, maximised=not self.state.maximised)
        self._layout_classes()

    def action_escape(self) -> None:
        if self._prompt() is not None:
            self._close_prompt()
            self._focus(self.state.active)
        elif self.state.maximised:
            self.action_maximise()
        elif self.focused is self.reader:
            self._focus(self.state.active)
        elif self.state.chips.search:
            self.navigate(replace(self.capture(), chips=self.state.chips.set("search", None)))

    def _focused_id(self) -> str | None:
        return self.focused.id if self.focused else None

    # ---------------------------------------------------------------- sorts, types, entity filter

    def action_sort(self) -> None:
        focused = self._focused_id()
        if focused in PANES:  # the reader follows the sorted list's cursor
            self._open_when_loaded = focused
        self.navigate(nav.next_sort(self.capture(), focused))

    def action_sort_column(self) -> None:
        """The focused list sorted by its next column (`o`)."""
        name = self._focused_id()
        if name not in PANES:
            return
        columns = self._headers[name].columns()
        self._sort_by(name, nav.next_sort_column(self.capture(), name, [c for _x, c in columns]))

    @on(ColumnHeader.Clicked)
    def _header_clicked(self, event: ColumnHeader.Clicked) -> None:
        name = event.header.id.removeprefix("header-")
        self._sort_by(name, nav.sort_by_column(self.capture(), name, event.column), event.column.label.strip())

    def _sort_by(self, name: str, snap: Snapshot | None, label: str = "") -> None:
        if snap is None:
            shown = f"sorted by {label} already" if nav.has_sorts(self.state, name) else "in date order"
            self.notify(f"the {name.capitalize()} list is {shown}", timeout=3)
            return
        self._open_when_loaded = name  # the reader follows the sorted list's cursor
        self.navigate(replace(snap, focus=name, active=name))

    def action_toggle_statements(self) -> None:
        """The Quotes pane grouped by statement, or every quote."""
        self._open_when_loaded = "quotes"
        self.navigate(nav.next_quote_view(self.capture()))

    def show_said(self, kinds: str | None) -> None:
        """The Quotes pane narrowed to the quote kinds `kinds` ("direct,partial,indirect": words; "stance"), or to
        every kind (None): the search's `kind:` term, put in, changed or taken out."""
        search = nav.with_kinds(self.state.chips.search, kinds)
        self.navigate(replace(self.capture(), chips=self.state.chips.set("search", search)))

    def action_toggle_basis(self) -> None:
        self.navigate(replace(self.capture(), show_basis=not self.state.show_basis))

    def action_cycle_type(self) -> None:
        self.navigate(replace(self.capture(), label=nav.next_label(self.labels, self.state.label)))

    def action_filter_entities(self, start: str = "") -> None:
        box = self._one("#entity-filter", Input)
        box.add_class("-shown")
        if start:
            box.value = box.value + start
        self.set_focus(box)
        box.cursor_position = len(box.value)

    @on(Input.Changed, "#entity-filter")
    def _entity_filter_changed(self, event: Input.Changed) -> None:
        self.state = replace(self.state, name=event.value)
        self.lst("entities").load(
            entities_source(q.Filters(label=self.state.label, name=event.value or None), self.state.entity_sort)
        )
        self._titles()

    @on(Input.Submitted, "#entity-filter")
    def _entity_filter_done(self, event: Input.Submitted) -> None:
        if not event.value:
            event.input.remove_class("-shown")
        self._focus("entities")

    def on_key(self, event) -> None:
        box = self._later.get("#entity-filter")
        if event.key in ("escape", "down") and box is not None and self.focused is box:
            event.stop()
            if event.key == "escape":
                box.value = ""
                box.remove_class("-shown")
            self._focus("entities")
        if event.key == "escape" and self.focused is not None and self.focused is self._prompt():
            event.stop()
            self._close_prompt()
            self._focus(self.state.active)

    # ---------------------------------------------------------------- the prompt line

    def _prompt(self) -> Input | None:
        """The open prompt line (search or date), if any."""
        return self._one(f"#{self._prompt_name}", Input) if self._prompt_name else None

    # A prompt takes the key bar's line while open. Both are shown and hidden by an inline `display`
    # over their CSS (the prompts hidden, the key bar shown unless the terminal is tiny): a class would
    # restyle the Input and its component classes, twice a search.

    def _open_prompt(self, name: str, value: str) -> None:
        self._close_prompt()
        box = self._one(f"#{name}", Input)
        box.value = value
        box.styles.display = "block"
        self._one(KeyBar).styles.display = "none"
        self._prompt_name = name
        self.set_focus(box)

    def _close_prompt(self) -> None:
        box = self._prompt()
        if box is not None:
            box.styles.display = None  # back to the CSS: hidden
            self._one(KeyBar).styles.display = None
            self._prompt_name = None
        self._unsay_line()  # what a line asked for, or what was wrong with it, says nothing once it is closed

    def line_notice(self, text: str, severity: str = "information") -> None:
        """A notice about the prompt line open (what to type there, what is wrong with it), up until it closes;
        the one before it goes. (Never markup, as every notice of the app.)"""
        self._unsay_line()
        self.notify(text, severity=severity, timeout=8)
        self._line_said = text

    def _unsay_line(self) -> None:
        if self._line_said is not None:
            withdraw_notice(self.app, self._line_said)
            self._line_said = None

    # ---------------------------------------------------------------- search

    def action_search(self) -> None:
        if self._focused_id() == "entities":
            self.action_filter_entities()
            return
        self._open_prompt("search", self.state.chips.search or "")

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text.startswith(":"):
            self._search_command(text)
            return
        try:
            query = q.parse(text)
        except q.QueryError as e:  # the line stays open to be put right
            self.line_notice(str(e), severity="warning")
            return
        self._close_prompt()
        if text and not query.terms:
            self.notify(f"nothing to search for in “{clean(text)}”: type some words", severity="warning")
            self._focus(self.state.active)
            return
        self.apply_search(self.state.chips.set("search", text or None))

    def apply_search(self, chips: Chips) -> None:
        """Show `chips` (a new search among them) with Articles in front, its first match in the reader."""
        snap = replace(self.capture(), chips=chips, focus="articles", active="articles")
        self.navigate(replace(snap, doc=None if chips.search else snap.doc))

    def _search_command(self, line: str) -> None:
        """`:save NAME` keeps the filters shown as a saved search (the palette lists them); `:delete NAME`."""
        command, _, name = line[1:].strip().partition(" ")
        name = name.strip()
        try:
            if command == "save":
                message, severity = self.save_search(name)
                self.notify(message, severity=severity)
            elif command == "delete" and name:
                gone = saved.delete(name)
                self.notify(f"deleted the saved search “{name}”" if gone else f"no saved search “{clean(name)}”")
            else:
                self.notify("commands: :save NAME (the filters shown), :delete NAME", severity="warning")
                return
        except saved.SavedError as e:
            self.notify(str(e), severity="error")
        self._close_prompt()
        self._focus(self.state.active)

    def save_search(self, name: str) -> tuple[str, str]:
        """Save the filters shown (all but an article's) as `name`: (message, severity)."""
        problem = saved.name_problem(name)
        if problem:
            return f"cannot save as “{clean(name)}”: {problem}", "warning"
        query = self.state.chips.as_query()
        if not query:
            return "nothing to save: search or filter first", "warning"
        saved.save(name, query)
        self.recent.touch(Target("search", name, name))
        return f"saved “{name}”: {query} (ctrl+p lists it)", "information"

    def run_saved(self, name: str, query: str) -> None:
        """Show a saved search: its query, in place of every filter."""
        self.recent.touch(Target("search", name, name))
        self.apply_search(Chips().set("search", query))

    def action_hit(self, delta: int) -> None:
        if not self.state.chips.search:
            self.notify("no search: press / to search", timeout=3)
            return
        if self.reader.next_hit(delta):
            self._hit_count()
            return
        self._next_article_hit(delta)

    def _next_article_hit(self, delta: int) -> None:
        """No more hits in this article: on to the next (or previous) matching article."""
        articles = self.lst("articles")
        if not articles.total:
            return
        index = articles.cursor + delta
        if not 0 <= index < articles.total:
            self.notify("no more hits", timeout=2)
            return
        articles.move_to(index, announce=False)
        row = articles.highlighted
        if row is not None:
            find = ("hit",) if delta > 0 else ("hit", "last")
            self.navigate(replace(self.capture(), doc=DocRef("article", row.id, find=find)))

    # ---------------------------------------------------------------- filters

    def action_filter_by(self) -> None:
        chip = self._chip_for_selection()
        if chip is None:
            self.notify("nothing to filter by here", timeout=3)
            return
        name, value = chip
        self.navigate(replace(self.capture(), chips=self.state.chips.set(name, value)))

    def _chip_for_selection(self) -> tuple[str, tuple[int, str]] | None:
        focused = self._focused_id()
        if focused == "reader":
            link = self.reader.link
            if link is None:
                return nav.chip_for_doc(self.reader.doc)
            return nav.chip_for_link(link, self.reader.doc)
        if focused in PANES:
            row = self.lst(focused).highlighted
            return nav.chip_for_row(focused, row, self.state.chips.speaker) if row is not None else None
        return None

    def action_refresh(self) -> None:
        """Show what an ingest running meanwhile has added (WAL lets us read while it writes),
        keeping every list's cursor and scroll."""
        self.app.db.reset()
        self.event_counts.clear()
        for name in ("articles", "entities", "timeline", "quotes"):
            self.lst(name).reload()
        self.notify("reloaded from the database", timeout=2)

    def action_unfilter(self) -> None:
        last = self.state.chips.last()
        if last is None:
            self.notify("no filters to remove", timeout=2)
            return
        self.remove_chip(last)

    def remove_chip(self, name: str) -> None:
        self.navigate(replace(self.capture(), chips=self.state.chips.remove(name)))

    def action_unfilter_all(self) -> None:
        self.navigate(replace(self.capture(), chips=Chips()))

    def on_chip_bar_removed(self, message: ChipBar.Removed) -> None:
        self.remove_chip(message.name)

    # ---------------------------------------------------------------- provenance, copy

    def _selected_fact(self):
        """The quote, date, mention or article under the cursor, wherever it is."""
        focused = self._focused_id()
        if focused == "reader":
            return nav.fact_in_reader(self.reader.link, self.reader.doc)
        if focused in PANES:
            row = self.lst(focused).highlighted
            return nav.fact_of_row(focused, row) if row is not None else None
        return None

    def action_provenance(self) -> None:
        from .modals import ProvenanceScreen

        fact = self._selected_fact()
        if fact is None:
            self.notify("move to a mention, quote or date first (tab in the reader)", timeout=3)
            return
        self.app.push_screen(ProvenanceScreen(*fact, doc=self.reader.doc))

    def action_copy_quote(self) -> None:
        fact = self._selected_fact()
        if fact is None or fact[0] != "quote":
            self.notify("select a quote first (Quotes pane, or tab to one in the reader)", timeout=3)
            return
        quote = fact[1]
        doc = self.reader.doc
        if quote.title is None and doc.kind == "article" and doc.article is not None:
            quote = replace(quote, title=doc.article.title, source=doc.article.source, published=doc.article.published)
        text = nav.citation(quote)
        self.app.copy_to_clipboard(text)
        self.notify("copied: " + text[:70] + ("…" if len(text) > 70 else ""), timeout=3)

    # ---------------------------------------------------------------- dates

    def action_jump_date(self) -> None:
        """The date prompt: from the Quotes list, it filters the quotes by when they were said; else it jumps
        the timeline."""
        self._date_for = "quotes" if self._focused_id() == "quotes" else "timeline"
        box = self._one("#date", Input)
        box.placeholder = SAID_PROMPT if self._date_for == "quotes" else JUMP_PROMPT
        self._open_prompt("date", (self.state.chips.said or "") if self._date_for == "quotes" else "")

    @on(Input.Submitted, "#correct")
    def _correct_submitted(self, event: Input.Submitted) -> None:
        self._correct_entered(event)

    @on(Input.Submitted, "#date")
    def _date_entered(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        problem = nav.date_problem(value) if value or self._date_for != "quotes" else None
        if problem:
            self.line_notice(f"not a date: “{clean(value)}” ({problem})", severity="warning")
            return
        self._close_prompt()
        if self._date_for == "quotes":  # the quotes said then (nothing: all of them again)
            chips = self.state.chips.set("said", value or None)
            self.navigate(replace(self.capture(), chips=chips, focus="quotes", active="quotes"))
            return
        self._goto_date(value, snap=replace(self.capture(), focus="timeline", active="timeline"))

    def _goto_date(self, date: str, snap: Snapshot) -> None:
        """The Timeline at `date`, in date order (sorted by reports, it is put back in date order)."""
        snap = replace(snap, timeline_sort="date")
        self._hold()
        self._expect("date")
        self.navigate(snap)
        timeline = self.lst("timeline")
        self._position_date(
            snap.chips.filters(),
            date,
            timeline.source,
            timeline.generation,
            timeline.total,
            self.reader.text_width(),
            snap.timeline_view == "events",
        )

    @work(thread=True, exclusive=True, group="date")
    def _position_date(
        self, filters: q.Filters, date: str, source, generation: int, total: int | None, width: int, merged: bool
    ) -> None:
        """The date's place in the timeline and, in the same round (the list counted already), the page
        of events there and the article of the event the cursor lands on."""
        prefetched = None
        try:
            with self.app.db.session() as conn:
                if merged:
                    index = q.counts_position(self.event_counts.get(conn, filters), date)
                else:
                    index = q.event_position(conn, filters, date)
                if total and source is not None:
                    prefetched = _events_at(conn, source, generation, min(index, total - 1), width)
        except q.QueryError as e:
            self.app.call_from_thread(self._date_failed, str(e))
            return
        self.app.call_from_thread(self._timeline_at, index, prefetched)

    def _date_failed(self, error: str) -> None:
        self._done("date")
        self.notify(error, severity="error")

    def _timeline_at(self, index: int, prefetched: tuple | None = None) -> None:
        """The Timeline's cursor on `index` (a date jumped to), once its list is counted, and the focus on it
        unless a prompt opened since the jump began (that keeps it)."""
        timeline = self.lst("timeline")
        if timeline.total is None:  # reloading (a jump puts it back in date order): it lands once loaded
            self._date_when_loaded = (timeline.generation, index)
            self._done("date")
            return
        if timeline.total is not None and index >= timeline.total:
            self.notify("no events on or after that date", timeout=3)
            index = max(0, timeline.total - 1)
        doc = self._prefetched_event_doc(index, prefetched)
        if timeline.total:
            self._expect("doc")  # moving the cursor opens that event's article: hold the frame for it too
        timeline.move_to(index, announce=doc is None)
        row = timeline.highlighted
        if doc is not None:
            self._open(*doc, row_of=("timeline", row.id) if row is not None else None)
        if self._prompt() is None:
            self._focus("timeline")
        self.history.replace(self.capture())
        self._done("date")

    def _land_date(self, generation: int) -> None:
        """A date jump that waited for the Timeline's load (`_timeline_at`) lands, if that load is this one."""
        waiting, self._date_when_loaded = self._date_when_loaded, None
        if waiting is not None and waiting[0] == generation:
            self._timeline_at(waiting[1])

    def _prefetched_event_doc(self, index: int, prefetched: tuple | None) -> tuple[DocRef, Doc] | None:
        """Put the prefetched page of events in the timeline; (ref, document) of the article of the event
        at `index`, if it came with them."""
        timeline = self.lst("timeline")
        if prefetched is None or not timeline.total or prefetched[0] != timeline.generation:
            return None
        generation, page, rows, item = prefetched
        timeline.put_page(generation, page, rows)
        row = timeline.row(index)
        ref = nav.ref_for_row("timeline", row, bool(self.state.chips.search)) if row is not None else None
        if ref is not None and item is not None and item[0] == (ref.kind, ref.ident):
            return ref, item[1]
        return None

    @work(thread=True, group="labels")
    def _load_labels(self) -> None:
        try:
            with self.app.db.session() as conn:
                labels = [name for name, _ in q.labels(conn)]
        except q.QueryError:
            return
        self.labels = labels

    # ---------------------------------------------------------------- the command palette lands here

    def go_entity(self, entity_id: int, name: str | None = None) -> None:
        """The entity's page, the panes filtered by it (as `enter` on an entity does)."""
        snap = self.capture()
        name = name or str(entity_id)
        self.recent.touch(Target("entity", entity_id, name))
        chips = snap.chips.set("entity", (entity_id, name))
        self.navigate(replace(snap, chips=chips, doc=DocRef("entity", entity_id), focus="reader"))

    def go_article(self, article_id: int, title: str | None = None) -> None:
        self.recent.touch(Target("article", article_id, title or str(article_id)))
        self.navigate(replace(self.capture(), doc=DocRef("article", article_id), focus="reader"))

    def go_ref(self, ref: DocRef) -> None:
        self.navigate(replace(self.capture(), doc=ref, focus="reader"))

    def go_date(self, date: str) -> None:
        self.recent.touch(Target("date", date, date))
        self._goto_date(date, snap=replace(self.capture(), focus="timeline", active="timeline"))


def _events_at(conn, source, generation: int, at: int, width: int) -> tuple | None:
    """(generation, page, rows, ((kind, id), document) of the row at `at`: its event's page, or the article of
    its date) for the page of the Timeline around index `at`, read in the date worker."""
    rows = source.page(conn, at // PAGE * PAGE, PAGE)
    if at % PAGE >= len(rows):
        return None
    ref = nav.ref_for_row("timeline", rows[at % PAGE], False)
    try:
        item = (ref.kind, ref.ident), read_document(conn, ref.kind, ref.ident, width)
    except q.QueryError:
        item = None
    return generation, at // PAGE, rows, item


def _classes(widget, wanted: dict[str, bool]) -> None:
    """Set CSS classes only when they change (each change restyles the tree)."""
    for name, wanted_on in wanted.items():
        if widget.has_class(name) != wanted_on:
            widget.set_class(wanted_on, name)
