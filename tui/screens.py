"""The browser screen: four linked panes, the reader, filter chips and history.

Siblings never talk to each other: the lists and the reader post messages up,
this screen decides what changes and pushes attributes down. Every navigation
goes through `navigate`, which records a `Snapshot` in the History so `[`/`]`
can restore cursor, scroll and filters.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field, replace

from textual import on, work
from textual._compositor import Compositor
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from model.corpus import query as q

from .document import Doc, article_doc, entity_doc, message_doc
from .history import History
from .panes import LISTS, PANES, TITLES, articles_source, entities_source, quotes_source, timeline_source
from .render import Box
from .text import clean, shorten
from .widgets.bars import ChipBar, KeyBar, Line
from .widgets.reader import Reader
from .widgets.vlist import PAGE, VirtualList

WIDE = (120, 35)
TINY = (60, 16)
HOLD = 0.15  # seconds a navigation may hold the screen's repaints while its queries run
NAME_WIDTH = 24  # cells of a name in the status line, so its keys still fit


class Prompt(Input):
    """The search or date line. Textual restyles a widget (and its component classes) on every focus
    change; this one loses focus as it closes, hidden: it is restyled for that only if still shown."""

    def watch_has_focus(self, has_focus: bool) -> None:
        if has_focus or self.display:
            super().watch_has_focus(has_focus)


@dataclass(frozen=True)
class Chips:
    """The filters shown as chips, in the order they were added."""

    article: tuple[int, str] | None = None
    entity: tuple[int, str] | None = None
    speaker: tuple[int, str] | None = None
    search: str | None = None
    order: tuple[str, ...] = ()

    def set(self, name: str, value) -> Chips:
        order = tuple(n for n in self.order if n != name) + ((name,) if value is not None else ())
        return replace(self, **{name: value, "order": order})

    def filters(self) -> q.Filters:
        return q.Filters(
            article=self.article[0] if self.article else None,
            entity=self.entity[0] if self.entity else None,
            speaker=self.speaker[0] if self.speaker else None,
            search=self.search,
        )

    def labels(self) -> list[tuple[str, str]]:
        text = {
            "article": lambda v: "article: " + v[1],
            "entity": lambda v: "entity: " + v[1],
            "speaker": lambda v: "speaker: " + v[1],
            "search": lambda v: "search: " + v,
        }
        return [(n, text[n](getattr(self, n))) for n in self.order]


@dataclass(frozen=True)
class DocRef:
    """What the reader shows or is about to show, and where its cursor goes."""

    kind: str  # article | entity
    ident: int
    cursor: int | None = None  # a link index, once known
    scroll: int | None = None
    target: tuple[int, int] | None = None  # display span to embolden
    find: tuple | None = None  # how to place the cursor once loaded: (link kind, key, value)


@dataclass(frozen=True)
class Snapshot:
    chips: Chips = Chips()
    label: str | None = None
    name: str = ""
    article_sort: str = "date"
    quote_sort: str = "date"
    show_basis: bool = False
    positions: dict = field(default_factory=dict)  # pane -> (cursor, scroll)
    focus: str = "articles"
    active: str = "articles"
    doc: DocRef | None = None
    maximised: bool = False


class _Compositor(Compositor):
    """Textual's compositor, minus a second layout pass per frame: a full reflow arranges every widget,
    visible or not, yet leaves the full map marked stale if a scroll (reflow_visible) or an update of a
    hidden widget marked it so before, and the frame's first look-up of a widget's region arranges
    the whole screen again. After a full reflow the full map is the one it just made."""

    def reflow(self, parent, size):
        result = super().reflow(parent, size)
        self._full_map_invalidated = False
        return result


class MainScreen(Screen):
    SCOPED_CSS = False
    AUTO_FOCUS = None  # focus is ours to give: a key pressed during start-up must not be undone
    BINDINGS = [
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
    ]

    DEFAULT_CSS = """
    MainScreen { layout: vertical; }
    #body { height: 1fr; }
    #panes { width: 55%; min-width: 50; }
    .pane { height: 1fr; border: round $panel-lighten-2; border-title-color: $text-muted; padding: 0; }
    .pane:focus-within { border: round $primary; border-title-color: $text; border-title-style: bold; }
    #viewer { width: 1fr; border: round $panel-lighten-2; border-title-style: bold; }
    #viewer:focus-within { border: round $primary; }
    #status { height: 1; color: $text-muted; padding: 0 1; background: $surface; }
    #entity-filter { height: 1; border: none; padding: 0 1; display: none; }
    #entity-filter.-shown { display: block; }
    #search, #date { dock: bottom; display: none; height: 1; border: none; padding: 0 1; }
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

    # Textual repaints the whole screen when focus moves, in a second frame after the step's own: the
    # widgets whose look depends on focus restyle and repaint themselves, so the screen need not.
    focused: Reactive = Reactive(None, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self._compositor = _Compositor()
        self.state = Snapshot()
        self.history: History[Snapshot] = History(cap=200)
        self.labels: list[str] = []
        self._doc_request = 0
        self._doc_pending = False
        self._holding: set[str] | None = None  # what a held navigation still waits for
        self._hold_generation = 0
        self._batches = 0  # holds whose repaints are still suspended
        self._gc_paused = False  # the collector is off for the held steps (we turned it off)
        self._terms_stale = False  # the reader's search terms wait for the next document
        self._starting = False
        self._deferred: list = []  # loads that wait for the first frame
        self._skipped_frame = False
        self._prompt_name: str | None = None  # the open prompt line's id
        self._resumed = False
        self._titles_due = False  # a held step changed what the titles show

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield ChipBar(id="chips")
        with Horizontal(id="body"):
            with Vertical(id="panes"):
                for name in PANES:
                    with Box(id=f"pane-{name}", classes="pane"):
                        if name == "entities":
                            yield Input(placeholder="filter entities by name", id="entity-filter")
                        yield LISTS[name](id=name)
            with Box(id="viewer"):
                yield Reader(id="reader")
                yield Line(id="status")
        # the prompts take the key bar's line while open, so nothing above them moves
        yield Prompt(
            placeholder="search articles and quotes (enter searches, escape cancels)", id="search", classes="prompt"
        )
        yield Prompt(
            placeholder="jump the timeline to YYYY, YYYY-MM or YYYY-MM-DD (enter jumps, escape cancels)",
            id="date",
            classes="prompt",
        )
        yield KeyBar()

    def lst(self, name: str) -> VirtualList:
        return self.query_one(f"#{name}", VirtualList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def on_mount(self) -> None:
        self._hold()  # the first frame comes with the first rows and article, not before them
        self._starting = True
        self._titles()
        self._restore(self.state, reload=True)
        self._starting = False
        self.history.visit(self.state)
        self._deferred.append(self._load_labels)
        self._layout_classes()
        self._done("navigate")

    def on_resize(self) -> None:
        self._layout_classes()

    def _on_screen_resume(self, event) -> None:
        # Runs before Textual's own handler, which restyles every node of a resumed screen (the theme
        # may have changed while another screen was on top). The first time, every node was styled
        # as it mounted, moments before: no second pass over them before the first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _layout_classes(self) -> None:
        w, h = self.size
        wide = w >= WIDE[0] and h >= WIDE[1]
        tiny = w < TINY[0] or h < TINY[1]
        solo = tiny or self.state.maximised
        wanted = {"-narrow": not wide, "-tiny": tiny, "-solo": solo}
        if solo:  # a class on the screen restyles every widget: only where it changes the layout
            wanted["-pane-focus"] = self.state.focus != "reader"
        _classes(self, wanted)
        if not wide or solo:  # only these layouts show the active pane alone (a class restyles the pane's list)
            for name in PANES:
                _classes(self.query_one(f"#pane-{name}"), {"-active": name == self.state.active})

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if widget.id in PANES and widget.id != self.state.active:
            self.state = replace(self.state, active=widget.id)
        if widget.id in PANES or widget.id == "reader":
            self.state = replace(self.state, focus=widget.id)
        self._layout_classes()

    def _titles(self) -> None:
        """Bring the pane titles, the viewer's title and the chip bar up to date; during a held step, once,
        as it is released (a step asked for them three or four times, ~0.3 ms each)."""
        if self._holding is not None:
            self._titles_due = True
            return
        self._titles_due = False
        self._draw_titles()

    def _draw_titles(self) -> None:
        s = self.state
        for i, name in enumerate(PANES, 1):
            shown = self.lst(name).shown_total
            total = "…" if shown is None else f"{shown:,}"
            title = f"{i} {TITLES[name]} {total}"
            sub = ""
            if name == "articles":
                sub = {"date": "newest", "oldest": "oldest", "title": "by title"}[s.article_sort]
                sub += " · date basis" if s.show_basis else ""
            elif name == "quotes":
                sub = "by speaker" if s.quote_sort == "speaker" else "newest"
            elif name == "entities":
                sub = " · ".join((s.label or "all types", f"“{s.name}”" if s.name else "/ filters by name"))
            _border(self.query_one(f"#pane-{name}"), title, sub)
        doc = self.reader.doc
        _border(self.query_one("#viewer"), doc_summary(doc))
        self._hit_count()
        back = "◀" if self.history.can_back else " "
        fwd = "▶" if self.history.can_forward else " "
        self.query_one(ChipBar).show(s.chips.labels(), f"{back}{fwd}")

    # ---------------------------------------------------------------- state and history

    def capture(self) -> Snapshot:
        positions = {name: self.lst(name).position for name in PANES}
        doc = self.state.doc
        r = self.reader
        if doc is not None and (r.doc.kind, r.doc.ident) == (doc.kind, doc.ident):
            cursor, scroll = r.position
            doc = replace(doc, cursor=cursor, scroll=scroll, target=r.target, find=None)
        focused = self.focused
        focus = focused.id if focused is not None and focused.id in (*PANES, "reader") else self.state.focus
        return replace(self.state, positions=positions, doc=doc, focus=focus)

    # A navigation changes several things at once (chips, focus, lists, the reader), and each query
    # answers in its own thread at its own time. Repainting each answer as it comes costs a frame and a
    # layout pass apiece; instead the screen holds its repaints until every query it started has
    # answered, or HOLD seconds have passed, and the whole step lands in one frame.

    def _hold(self) -> None:
        if self._holding is None:
            self._holding = set()
            self._hold_generation += 1
            if not self._batches and gc.isenabled():
                # No collection in the middle of a step: it allocates enough for a few young passes
                # (3-8 ms) and now and then a full one (30-50 ms); they run once its frame is out.
                gc.disable()
                self._gc_paused = True
            self._batches += 1
            self.app._begin_batch()
            generation = self._hold_generation
            self.set_timer(HOLD, lambda: self._release(generation))

    def _expect(self, name: str) -> None:
        if self._holding is not None:
            self._holding.add(name)

    def _done(self, name: str) -> None:
        if self._holding is not None:
            self._holding.discard(name)
            if not self._holding:
                self._release(self._hold_generation)

    def _release(self, generation: int) -> None:
        if self._holding is not None and generation == self._hold_generation:
            self._holding = None
            if self._titles_due:
                self._titles()
            # Widgets changed just now would ask this screen for a repaint from their own message loops,
            # a moment later: ask now, so the requests are queued here before the end of the hold and
            # land in this frame, not in one of their own.
            for widget in self.walk_children(with_self=False):
                if widget._repaint_required or widget._layout_required or widget._scroll_required:
                    widget._check_refresh()
            self.call_later(self._end_hold)

    def _end_hold(self) -> None:
        self._batches -= 1
        self.app._end_batch()
        if not self._batches and not self.app._batch_count and self.is_current:
            # Draw the step now: Textual's update timer would wait for its next tick (after a pause, as
            # at start-up, a whole period of 1/60 s).
            skipped, self._skipped_frame = self._skipped_frame, False
            self._on_timer_update()
            if skipped and self._compositor._dirty_regions:  # a held layout's changes, nothing else
                self._compositor_refresh()
        if not self._batches and self._gc_paused:
            self._gc_paused = False
            gc.enable()
        self.check_idle()
        if self._deferred:
            self.call_after_refresh(self._run_deferred)

    def _run_deferred(self) -> None:
        deferred, self._deferred = self._deferred, []
        for run in deferred:
            run()

    def _update_focus_styles(self, focused=None, blurred=None) -> None:
        """Textual restyles every node under the nearest ancestor with a `:focus-within` rule, each list
        and its component classes with it; here only those ancestors' own borders depend on it (the
        panes' and the viewer's), so only they are restyled."""
        nodes = {
            node
            for widget in (focused, blurred)
            if widget is not None
            for node in widget.ancestors_with_self
            if node._has_focus_within
        }
        if nodes:
            self.app.stylesheet.update_nodes(nodes, animate=True)

    def _compositor_refresh(self) -> None:
        # A layout pass during a held step (or the first one, at start-up) would draw a frame of its
        # own; its changes stay marked in the compositor instead and go out with the step's frame.
        if self._batches:
            self._skipped_frame = True
            return
        super()._compositor_refresh()

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

    def _restore(self, snap: Snapshot, *, reload: bool, old: Snapshot | None = None, exact: bool = False) -> None:
        """Make the screen show `snap`. Lists whose query changed reload; with `exact`
        every list goes back to its remembered cursor and scroll."""
        old = old or Snapshot()
        f, of = snap.chips.filters(), old.chips.filters()
        sources = {
            "articles": (
                articles_source(f, snap.article_sort, snap.show_basis),
                (f.entity, f.search, snap.article_sort, snap.show_basis),
                (of.entity, of.search, old.article_sort, old.show_basis),
            ),
            "entities": (
                entities_source(q.Filters(label=snap.label, name=snap.name or None)),
                (snap.label, snap.name),
                (old.label, old.name),
            ),
            "timeline": (timeline_source(f), (f.article, f.entity), (of.article, of.entity)),
            "quotes": (
                quotes_source(f, snap.quote_sort),
                (f.article, f.entity, f.speaker, f.search, snap.quote_sort),
                (of.article, of.entity, of.speaker, of.search, old.quote_sort),
            ),
        }
        self.state = snap
        for name, (source, key, old_key) in sources.items():
            vl = self.lst(name)
            if reload or key != old_key or vl.source is None:
                cursor, scroll = snap.positions.get(name, (0, 0)) if (exact or reload) else (0, 0)
                if self._starting and name != snap.focus:
                    # at start-up the focused list and its article come first; the rest after that frame
                    self._deferred.append(lambda vl=vl, a=(source, cursor, scroll): vl.load(*a))
                    continue
                self._expect(name)
                # a list that will open its first row's article brings that article with its first page
                first = _article_for_row if name == "articles" and snap.doc is None else None
                vl.load(source, cursor, scroll, prefetch=first)
            elif exact and name in snap.positions:
                cursor, scroll = snap.positions[name]
                vl.cursor = cursor
                vl.scroll_y_to(scroll)
                vl.refresh()
        box = self.query_one("#entity-filter", Input)
        box.set_class(bool(snap.name), "-shown")
        if box.value != snap.name:
            with box.prevent(Input.Changed):
                box.value = snap.name
        if snap.doc is not None and (exact or snap.doc != old.doc):
            self._open(snap.doc)
        if snap.chips.search != old.chips.search:
            if snap.doc is None and self.lst("articles").total is None:
                # the reader is about to show the first article found, with these terms: marking them in
                # the article it shows now would be thrown away (unless nothing is found: see on_loaded)
                self._terms_stale = True
            else:
                self.reader.set_terms(q.search_terms(snap.chips.search))
        focus = self.reader if snap.focus == "reader" else self.lst(snap.focus)
        self.set_focus(focus)
        self._layout_classes()

    # ---------------------------------------------------------------- the reader's document

    def _open(self, ref: DocRef, doc: Doc | None = None) -> None:
        """Load `ref` into the reader; `doc`, when given, is that document already made (fetched along
        with other rows in the same worker), shown at once."""
        self.state = replace(self.state, doc=ref)
        self._expect("doc")
        self._doc_request += 1
        if doc is not None:
            self._show_doc(self._doc_request, ref, doc, q.search_terms(self.state.chips.search))
            return
        self._load_doc(self._doc_request, ref, q.search_terms(self.state.chips.search), self.reader.text_width())
        request = self._doc_request
        # A slow page (an entity in every article of a huge corpus) shows it is loading.
        self.set_timer(
            0.3,
            lambda: (
                setattr(self.reader, "loading", True) if request == self._doc_request and self._doc_pending else None
            ),
        )
        self._doc_pending = True

    @work(thread=True, exclusive=True, group="doc")
    def _load_doc(self, request: int, ref: DocRef, terms: list[str], width: int) -> None:
        try:
            with self.app.db.session() as conn:
                if ref.kind == "article":
                    doc = _article(conn, ref.ident)
                else:
                    data = q.entity_page(conn, ref.ident)
                    doc = entity_doc(data, width) if data else message_doc("That entity is no longer in the database.")
        except q.QueryError as e:
            doc = message_doc(str(e))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_doc, request, ref, doc, terms)

    def _show_doc(self, request: int, ref: DocRef, doc: Doc, terms: list[str]) -> None:
        if request != self._doc_request:
            return
        self._doc_pending = False
        self._terms_stale = False
        self.reader.loading = False
        cursor, target = ref.cursor, ref.target
        if ref.find is not None:
            cursor, target = _find(doc, ref.find)
        self.reader.show(doc, cursor=cursor, scroll=ref.scroll, target=target, terms=terms)
        if ref.find is not None and ref.find[0] == "hit":
            self.reader.first_hit(last=ref.find == ("hit", "last"))
        self.query_one("#status", Line).update(describe_link(self.reader.link, doc))  # now, not a frame later
        self._titles()
        self._done("doc")

    def on_reader_link_changed(self, message: Reader.LinkChanged) -> None:
        self.query_one("#status", Line).update(describe_link(message.link, message.reader.doc))

    # ---------------------------------------------------------------- lists

    def on_virtual_list_loaded(self, message: VirtualList.Loaded) -> None:
        if message.error:
            self.notify(message.error, severity="error", timeout=6)
        self._titles()
        opened = False
        if message.vlist.id == "articles" and self.state.doc is None and message.total:
            row = message.vlist.highlighted
            opened = row is not None
            if row is not None:
                pre = message.prefetched
                self._open(
                    DocRef("article", row.id, find=("hit",) if self.state.chips.search else None),
                    doc=pre[1] if pre is not None and pre[0] == row.id else None,
                )
        if message.vlist.id == "articles" and self._terms_stale and not opened:
            self._terms_stale = False  # nothing found to open: the terms go to the article shown
            self.reader.set_terms(q.search_terms(self.state.chips.search))
        self._done(message.vlist.id)

    def on_virtual_list_loading(self, message: VirtualList.Loading) -> None:
        self._titles()

    def on_virtual_list_highlighted(self, message: VirtualList.Highlighted) -> None:
        if isinstance(message, VirtualList.Selected):
            return
        ref = self._ref_for_row(message.vlist.id, message.row)
        if ref is not None:
            self._open(ref)

    def on_virtual_list_selected(self, message: VirtualList.Selected) -> None:
        name, row = message.vlist.id, message.row
        snap = self.capture()
        ref = self._ref_for_row(name, row)
        if name == "articles":
            snap = replace(snap, chips=snap.chips.set("article", (row.id, clean(row.title, row.key))))
        elif name == "entities":
            snap = replace(snap, chips=snap.chips.set("entity", (row.id, clean(row.name))))
        self.navigate(replace(snap, doc=ref, focus="reader"))

    def _ref_for_row(self, name: str, row) -> DocRef | None:
        search = ("hit",) if self.state.chips.search else None
        if name == "articles":
            return DocRef("article", row.id, find=search)
        if name == "entities":
            return DocRef("entity", row.id)
        if name == "timeline":
            return DocRef("article", row.article, find=("date", "id", row.id, row.sentence_start, row.sentence_end))
        if name == "quotes":
            return DocRef("article", row.article, find=("quote", "id", row.id))
        return None

    # ---------------------------------------------------------------- following links

    def on_reader_follow(self, message: Reader.Follow) -> None:
        link = message.link
        snap = replace(self.capture(), focus="reader")
        t = link.target
        if link.kind in ("mention",):
            if t.entity is not None:
                self.navigate(replace(snap, doc=DocRef("entity", t.entity)))
        elif link.kind in ("speaker", "entity"):
            self.navigate(replace(snap, doc=DocRef("entity", t)))
        elif link.kind == "quote":
            if message.reader.doc.kind == "article":
                if t.speaker_entity is not None:
                    self.navigate(replace(snap, doc=DocRef("entity", t.speaker_entity)))
                else:
                    self.notify("this quote has no known speaker", timeout=3)
            else:
                self.navigate(replace(snap, doc=DocRef("article", t.article, find=("quote", "id", t.id))))
        elif link.kind == "article":
            aid, start, _ = t
            self.navigate(replace(snap, doc=DocRef("article", aid, find=("mention", "start", start))))
        elif link.kind == "event":
            self.navigate(
                replace(
                    snap, doc=DocRef("article", t.article, find=("date", "id", t.id, t.sentence_start, t.sentence_end))
                )
            )
        elif link.kind == "date":
            if not t.value_start:
                self.notify(
                    f"“{clean(t.text)}” has no date on the calendar ({clean(t.value, 'unresolved')})", timeout=4
                )
                return
            self._goto_date(t.value_start, snap=replace(snap, focus="timeline", active="timeline"))

    # ---------------------------------------------------------------- actions

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
            self.state = replace(self.state, active=name, focus=name)
            self._layout_classes()
            self.set_focus(self.lst(name))
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

    def action_sort(self) -> None:
        focused = self.focused.id if self.focused else None
        snap = self.capture()
        if focused == "quotes":
            snap = replace(snap, quote_sort="date" if snap.quote_sort == "speaker" else "speaker")
        else:
            sorts = q.ARTICLE_SORTS
            snap = replace(snap, article_sort=sorts[(sorts.index(snap.article_sort) + 1) % len(sorts)])
        self.navigate(snap)

    def action_toggle_basis(self) -> None:
        self.navigate(replace(self.capture(), show_basis=not self.state.show_basis))

    def action_cycle_type(self) -> None:
        options = [None, *self.labels]
        i = options.index(self.state.label) if self.state.label in options else 0
        self.navigate(replace(self.capture(), label=options[(i + 1) % len(options)]))

    def action_filter_entities(self, start: str = "") -> None:
        box = self.query_one("#entity-filter", Input)
        box.add_class("-shown")
        if start:
            box.value = box.value + start
        self.set_focus(box)
        box.cursor_position = len(box.value)

    @on(Input.Changed, "#entity-filter")
    def _entity_filter_changed(self, event: Input.Changed) -> None:
        self.state = replace(self.state, name=event.value)
        self.lst("entities").load(entities_source(q.Filters(label=self.state.label, name=event.value or None)))
        self._titles()

    @on(Input.Submitted, "#entity-filter")
    def _entity_filter_done(self, event: Input.Submitted) -> None:
        if not event.value:
            event.input.remove_class("-shown")
        self._focus("entities")

    def on_key(self, event) -> None:
        box = self.query_one("#entity-filter", Input)
        if event.key in ("escape", "down") and self.focused is box:
            event.stop()
            if event.key == "escape":
                box.value = ""
                box.remove_class("-shown")
            self._focus("entities")
        if event.key == "escape" and self.focused is not None and self.focused is self._prompt():
            event.stop()
            self._close_prompt()
            self._focus(self.state.active)

    def _prompt(self) -> Input | None:
        """The open prompt line (search or date), if any."""
        return self.query_one(f"#{self._prompt_name}", Input) if self._prompt_name else None

    # A prompt takes the key bar's line while open. Both are shown and hidden by an inline `display`
    # over their CSS (the prompts hidden, the key bar shown unless the terminal is tiny): a class would
    # restyle the Input and its component classes, twice a search.

    def _open_prompt(self, name: str, value: str) -> None:
        self._close_prompt()
        box = self.query_one(f"#{name}", Input)
        box.value = value
        box.styles.display = "block"
        self.query_one(KeyBar).styles.display = "none"
        self._prompt_name = name
        self.set_focus(box)

    def _close_prompt(self) -> None:
        box = self._prompt()
        if box is not None:
            box.styles.display = None  # back to the CSS: hidden
            self.query_one(KeyBar).styles.display = None
            self._prompt_name = None

    def action_search(self) -> None:
        if self.focused is not None and self.focused.id == "entities":
            self.action_filter_entities()
            return
        self._open_prompt("search", self.state.chips.search or "")

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self._close_prompt()
        if text and q.fts_escape(text) is None:
            self.notify(f"nothing to search for in “{clean(text)}”: type some words", severity="warning")
            self._focus(self.state.active)
            return
        snap = replace(
            self.capture(), chips=self.state.chips.set("search", text or None), focus="articles", active="articles"
        )
        doc = snap.doc
        self.navigate(replace(snap, doc=None if text else doc))

    def _hit_count(self) -> None:
        r = self.reader
        text = ""
        if self.state.chips.search and r.doc.kind == "article":
            text = (
                (f"hit {r.hit + 1} of {len(r.hits)} · n/N" if r.hit is not None else f"{len(r.hits)} hits · n/N")
                if r.hits
                else "no hits in this article · n: next article"
            )
        _border(self.query_one("#viewer"), subtitle=text)

    def action_hit(self, delta: int) -> None:
        if not self.state.chips.search:
            self.notify("no search: press / to search", timeout=3)
            return
        if self.reader.next_hit(delta):
            self._hit_count()
            return
        # No more hits in this article: on to the next matching article.
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
            self.navigate(
                replace(self.capture(), doc=DocRef("article", row.id, find=("hit",) if delta > 0 else ("hit", "last")))
            )

    def action_filter_by(self) -> None:
        chip = self._chip_for_selection()
        if chip is None:
            self.notify("nothing to filter by here", timeout=3)
            return
        name, value = chip
        self.navigate(replace(self.capture(), chips=self.state.chips.set(name, value)))

    def _chip_for_selection(self) -> tuple[str, tuple[int, str]] | None:
        focused = self.focused.id if self.focused else None
        if focused == "reader":
            link = self.reader.link
            if link is None:
                doc = self.reader.doc
                return (
                    ("article", (doc.ident, doc.title))
                    if doc.kind == "article"
                    else ("entity", (doc.ident, doc.title))
                    if doc.kind == "entity"
                    else None
                )
            t = link.target
            if link.kind == "mention" and t.entity is not None:
                return "entity", (t.entity, clean(t.name or t.text))
            if link.kind in ("speaker", "entity"):
                return "entity", (t, _link_text(self.reader.doc, link))
            if link.kind in ("quote", "event", "date"):
                aid = t.article
                title = t.title or (self.reader.doc.title if self.reader.doc.kind == "article" else str(aid))
                return "article", (aid, clean(title))
            if link.kind == "article":
                return "article", (t[0], str(t[0]))
            return None
        if focused in PANES:
            row = self.lst(focused).highlighted
            if row is None:
                return None
            if focused == "articles":
                return "article", (row.id, clean(row.title, row.key))
            if focused == "entities":
                return "entity", (row.id, clean(row.name))
            if focused == "quotes" and row.speaker_entity is not None:
                return "speaker", (row.speaker_entity, clean(row.speaker))
            if focused == "timeline":
                return "article", (row.article, clean(row.title, str(row.article)))
        return None

    def action_refresh(self) -> None:
        """Show what an ingest running meanwhile has added (WAL lets us read while it writes),
        keeping every list's cursor and scroll."""
        self.app.db.reset()
        for name in ("articles", "entities", "timeline", "quotes"):
            self.lst(name).reload()
        self.notify("reloaded from the database", timeout=2)

    def action_unfilter(self) -> None:
        if not self.state.chips.order:
            self.notify("no filters to remove", timeout=2)
            return
        self.remove_chip(self.state.chips.order[-1])

    def remove_chip(self, name: str) -> None:
        self.navigate(replace(self.capture(), chips=self.state.chips.set(name, None)))

    def action_unfilter_all(self) -> None:
        self.navigate(replace(self.capture(), chips=Chips()))

    def on_chip_bar_removed(self, message: ChipBar.Removed) -> None:
        self.remove_chip(message.name)

    def _selected_fact(self):
        """The quote, date, mention or article under the cursor, wherever it is."""
        focused = self.focused.id if self.focused else None
        if focused == "reader":
            link = self.reader.link
            if link is not None:
                return link.kind, link.target
            if self.reader.doc.kind == "article":
                return "article", self.reader.doc.article
            return None
        if focused in ("quotes", "timeline", "articles", "entities"):
            row = self.lst(focused).highlighted
            kind = {"quotes": "quote", "timeline": "date", "articles": "article", "entities": "entity-row"}[focused]
            return (kind, row) if row is not None else None
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
        text = citation(quote)
        self.app.copy_to_clipboard(text)
        self.notify("copied: " + text[:70] + ("…" if len(text) > 70 else ""), timeout=3)

    def action_jump_date(self) -> None:
        self._open_prompt("date", "")

    @on(Input.Submitted, "#date")
    def _date_entered(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            self.notify(f"not a date: “{clean(value)}” (try 2023-02)", severity="warning")
            return
        self._close_prompt()
        self._goto_date(value, snap=replace(self.capture(), focus="timeline", active="timeline"))

    def _goto_date(self, date: str, snap: Snapshot) -> None:
        self._hold()
        self._expect("date")
        self.navigate(snap)
        timeline = self.lst("timeline")
        self._position_date(snap.chips.filters(), date, timeline.source, timeline.generation, timeline.total)

    @work(thread=True, exclusive=True, group="date")
    def _position_date(self, filters: q.Filters, date: str, source, generation: int, total: int | None) -> None:
        """The date's place in the timeline and, in the same round (the list counted already), the page
        of events there and the article of the event the cursor lands on."""
        prefetched = None
        try:
            with self.app.db.session() as conn:
                index = q.event_position(conn, filters, date)
                if total and source is not None:
                    at = min(index, total - 1)
                    rows = source.page(conn, at // PAGE * PAGE, PAGE)
                    if at % PAGE < len(rows):
                        prefetched = (generation, at // PAGE, rows, _article_for_row(conn, rows[at % PAGE], "article"))
        except q.QueryError as e:
            self.app.call_from_thread(self._date_failed, str(e))
            return
        self.app.call_from_thread(self._timeline_at, index, prefetched)

    def _date_failed(self, error: str) -> None:
        self._done("date")
        self.notify(error, severity="error")

    def _timeline_at(self, index: int, prefetched: tuple | None = None) -> None:
        timeline = self.lst("timeline")
        if timeline.total is not None and index >= timeline.total:
            self.notify("no events on or after that date", timeout=3)
            index = max(0, timeline.total - 1)
        doc = None
        if prefetched is not None and timeline.total and prefetched[0] == timeline.generation:
            generation, page, rows, article = prefetched
            timeline.put_page(generation, page, rows)
            row = timeline.row(index)
            if row is not None and article is not None and article[0] == row.article:
                doc = self._ref_for_row("timeline", row), article[1]
        if timeline.total:
            self._expect("doc")  # moving the cursor opens that event's article: hold the frame for it too
        timeline.move_to(index, announce=doc is None)
        if doc is not None:
            self._open(*doc)
        self._focus("timeline")
        self.history.replace(self.capture())
        self._done("date")

    @work(thread=True, group="labels")
    def _load_labels(self) -> None:
        try:
            with self.app.db.session() as conn:
                labels = [name for name, _ in q.labels(conn)]
        except q.QueryError:
            return
        self.labels = labels

    # palette commands land here
    def go_entity(self, entity_id: int) -> None:
        self.navigate(replace(self.capture(), doc=DocRef("entity", entity_id), focus="reader"))

    def go_article(self, article_id: int) -> None:
        self.navigate(replace(self.capture(), doc=DocRef("article", article_id), focus="reader"))

    def go_date(self, date: str) -> None:
        self._goto_date(date, snap=replace(self.capture(), focus="timeline", active="timeline"))


def _article_for_row(conn, row, attr: str = "id") -> tuple[int, Doc] | None:
    """(article id, its document) for a list row whose `attr` is an article id, read on `conn` in a
    worker; None when that fails (the reader then loads it the usual way)."""
    aid = getattr(row, attr)
    try:
        return aid, _article(conn, aid)
    except q.QueryError:
        return None


def _article(conn, aid: int) -> Doc:
    """Article `aid`'s document, or a message when it is gone."""
    data = q.get_article(conn, aid)
    return article_doc(data) if data else message_doc("That article is no longer in the database.")


def _border(widget, title: str | None = None, subtitle: str | None = None) -> None:
    """Set a border's title and subtitle when they change, repainting only the border's top or bottom
    line: Textual's `border_title` repaints the whole box, every line of a pane behind its list."""
    for attr, text in (("border_title", title), ("border_subtitle", subtitle)):
        key = "_sinorus_" + attr
        if text is not None and getattr(widget, key, None) != text:
            setattr(widget, key, text)
            if not widget.is_mounted or not widget.size:
                setattr(widget, attr, Content(text))
                continue
            setattr(widget, "_" + attr, Content(text).expand_tabs(4).split()[0])  # as the setter does
            ox, oy = widget.content_offset
            width, height = widget.outer_size
            y = 0 if attr == "border_title" else height - 1
            widget.refresh(Region(-ox, y - oy, width, 1))


def _classes(widget, wanted: dict[str, bool]) -> None:
    """Set CSS classes only when they change (each change restyles the tree)."""
    for name, wanted_on in wanted.items():
        if widget.has_class(name) != wanted_on:
            widget.set_class(wanted_on, name)


def _find(doc: Doc, find: tuple) -> tuple[int | None, tuple[int, int] | None]:
    """Where to put the link cursor (and what to embolden) in a freshly loaded article."""
    kind = find[0]
    if kind == "hit":
        return None, None
    target = None
    if kind == "date" and len(find) > 3 and find[3] is not None:
        target = (doc.display(find[3]), doc.display(find[4]))
    for i, lk in enumerate(doc.links):
        if lk.kind == kind and getattr(lk.target, find[1], None) == find[2]:
            return i, target
    return None, target


def doc_summary(doc: Doc) -> str:
    """The reader's title: what kind of page, and what its links are."""
    if doc.kind == "article" and doc.article is not None:
        a = doc.article
        parts = [f"{len(a.mentions)} mentions", f"{len(a.quotes)} quotes", f"{len(a.timexes)} dates"]
        return "Article · " + " · ".join(parts)
    if doc.kind == "entity":
        return "Entity · " + doc.title
    return "Reader"


def _link_text(doc: Doc, link) -> str:
    return clean(doc.text[link.start : link.end]).strip(" ‹›")


def describe_link(link, doc: Doc) -> Content:
    """One line under the reader about the link under the cursor."""
    if link is None:
        if doc.kind == "article":
            return Content("tab/e: next link · enter: follow · p: provenance · f: filter by this article")
        if doc.kind == "entity":
            return Content("tab/e: next link · enter: open · f: filter panes by this entity")
        return Content("")
    # Names and cues are cut short, so the keys at the end still fit on the line.
    t = link.target
    if link.kind == "mention":
        name = shorten(clean(t.name or t.text), NAME_WIDTH)
        return Content.assemble((t.label or "?", "bold"), f" {name} · enter: entity page · p: provenance")
    if link.kind == "quote":
        who = shorten(clean(t.speaker, "unknown speaker"), NAME_WIDTH)
        cue = f" · cue “{shorten(clean(t.cue), 16)}”" if t.cue else ""
        return Content.assemble(("quote", "bold"), f" {t.kind or ''} · {who}{cue} · y: copy · p: provenance")
    if link.kind == "date":
        rng = f" ({t.value_start}…{t.value_end})" if t.value_start and t.value_end != t.value_start else ""
        return Content.assemble(("date", "bold"), f" {clean(t.value, '?')}{rng} · enter: timeline · p: provenance")
    if link.kind in ("speaker", "entity"):
        name = shorten(_link_text(doc, link), NAME_WIDTH)
        return Content.assemble(("entity", "bold"), f" {name} · enter: entity page")
    if link.kind == "article":
        return Content.assemble(("mention", "bold"), " · enter: open the article there")
    if link.kind == "event":
        return Content.assemble(("event", "bold"), f" {clean(t.value, '?')} · enter: open the sentence")
    return Content("")


def citation(quote: q.QuoteRow) -> str:
    """A quote as an analyst pastes it: text, speaker, article, source, date."""
    who = clean(quote.speaker, "unknown speaker")
    where = ", ".join(
        x
        for x in (
            f"“{clean(quote.title)}”" if quote.title else None,
            clean(quote.source) or None,
            quote.published or "undated",
        )
        if x
    )
    mark = "“{}”" if quote.kind != "indirect" else "{}"
    return f"{mark.format(clean(quote.text))} — {who}, {where}"
