"""sinorus-tui: the Textual app and the command line.

cli          the `sinorus-tui` command: browse, ingest, export, set-date
app          the App: the database, the user's config and theme, the first screen
config       the user's config file (theme, key remapping); imports no widget
bindings     every key binding by id, per widget (data: the help screen and config read it)
state        what the browser shows as plain data: Chips, DocRef, Snapshot, History
browser      the browser screen: its widgets, and its handlers and actions
navigation   the browser's decisions as plain functions: list queries, links, chips, titles
steps        a navigation step held until its queries answer, drawn in one frame
panes        the four lists: what each shows (a Source over model.corpus.query) and its keys
document     what the reader shows (articles, entity pages), built from query results
modals       the provenance and help screens
palette      command palette providers: go to an entity, an article, a date
render       drawing Content as line-API strips; the line widgets' shared base classes
text         cleaning and wrapping text for the terminal
internals    every use of Textual's private API (written against Textual 8.2)
widgets/     the virtual list, the reader, the one-line bars
"""
