"""The records assistant in the terminal: ask, read the cited sources, browse documents."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from tui.client import RecordsClient, ServiceError
from tui.conversations import ConversationStore, to_markdown
from tui.models import Conversation, Exchange
from tui.screens.check import CheckScreen
from tui.screens.conversations import ConversationsScreen
from tui.screens.documents import DocumentsScreen
from tui.screens.filters import FiltersScreen
from tui.screens.register import RegisterScreen
from tui.screens.source import SourceScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.exchange import ExchangeView
from tui.widgets.question_input import QuestionInput
from tui.widgets.sources import SourcesPanel

EXAMPLES = (
    "What was the vacancy rate in April 2010?",
    "When was the Improvement Notice issued?",
    "How many recommendations did the Serious Case Review make?",
    "Who chaired the Task Force?",
)


CHAT_ACTIONS = frozenset(
    {
        "documents", "filters", "focus_sources", "copy_answer", "export", "open_conversation",
        "new_conversation", "retry", "timeline", "register", "check",
    }
)  # fmt: skip


class RecordsApp(App[None]):
    """Chat with the records; every answer sentence opens its source in one keystroke."""

    CSS_PATH = "styles.tcss"
    TITLE = "Records assistant"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "documents", "Documents", priority=True),
        Binding("ctrl+f", "filters", "Filters", priority=True),
        Binding("ctrl+s", "focus_sources", "Sources"),
        Binding("ctrl+y", "copy_answer", "Copy answer", priority=True),
        Binding("ctrl+e", "export", "Export", priority=True),
        Binding("ctrl+o", "open_conversation", "Open saved"),
        Binding("ctrl+l", "new_conversation", "New"),
        Binding("ctrl+r", "retry", "Retry"),
        Binding("ctrl+g", "timeline", "Timeline"),
        Binding("ctrl+b", "register", "Register"),
        Binding("f2", "check", "Fact-check"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
    ]

    def __init__(
        self,
        client: RecordsClient,
        *,
        store: ConversationStore | None = None,
        export_folder: Path | None = None,
        wait_seconds: float = 0.0,
    ) -> None:
        super().__init__()
        self.client = client
        self.store = store or ConversationStore()
        self.export_folder = export_folder or Path.cwd()
        self.wait_seconds = wait_seconds
        self.conversation = self.store.new()
        self._documents: dict[str, dict[str, Any]] = {}

    # ---- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with VerticalScroll(id="conversation"):
                yield OptionList(*[Option(q) for q in EXAMPLES], id="examples")
            yield SourcesPanel()
        yield QuestionInput()
        yield LoadingIndicator(id="loading")
        yield Static("Loading the index…", id="loading-label")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#examples", OptionList).border_title = "Try one of these"
        self.query_one(QuestionInput).focus()
        self._show_filters()
        self.wait_until_ready()

    @work(exclusive=True, group="ready")
    async def wait_until_ready(self) -> None:
        """Show that the index is loading until the service says it is ready."""
        deadline = asyncio.get_running_loop().time() + self.wait_seconds
        while True:
            try:
                info = await self.client.ready()
                break
            except ServiceError as exc:
                if asyncio.get_running_loop().time() >= deadline:
                    self.notify(str(exc), title="Service unreachable", severity="error")
                    info = None
                    break
                await asyncio.sleep(0.25)
        self.query_one("#loading").display = False
        self.query_one("#loading-label").display = False
        if info:
            self.sub_title = f"{info['documents']} documents · {info['chunks']} passages"

    # ---- asking ------------------------------------------------------------
    @on(QuestionInput.Submitted)
    def _asked(self, event: QuestionInput.Submitted) -> None:
        self.ask(event.text)

    @on(OptionList.OptionSelected, "#examples")
    def _example(self, event: OptionList.OptionSelected) -> None:
        self.ask(str(event.option.prompt))

    def ask(self, question: str) -> None:
        """Add the exchange to the conversation and stream its answer in."""
        self.query_one("#examples").display = False
        exchange = Exchange(question)
        messages = self.conversation.messages(question)
        self.conversation.exchanges.append(exchange)
        if self.conversation.title == "New conversation":
            self.conversation.title = question[:60]
        view = ExchangeView(exchange)
        self.query_one("#conversation").mount(view)
        self.query_one(SourcesPanel).show([])
        self.stream_answer(exchange, view, messages)

    @work(group="answers")
    async def stream_answer(
        self, exchange: Exchange, view: ExchangeView, messages: list[dict[str, str]]
    ) -> None:
        """Consume the service's events; the UI stays responsive meanwhile."""
        try:
            async for event in self.client.chat(messages, self.conversation.filters or None):
                _apply(exchange, event.name, event.data)
                view.refresh_view()
                self.query_one("#conversation", VerticalScroll).scroll_end(animate=False)
        except ServiceError as exc:
            exchange.status, exchange.answer = "error", f"No answer: {exc.message}"
            view.refresh_view()
            self.notify(exc.hint or exc.message, title=exc.message, severity="error")
            return
        self.query_one(SourcesPanel).show(exchange.citations)
        self.store.save(self.conversation)

    # ---- citations and documents ------------------------------------------
    @on(ExchangeView.CitationSelected)
    def _marker(self, event: ExchangeView.CitationSelected) -> None:
        self.query_one(SourcesPanel).show(event.exchange.citations)
        citation = next((c for c in event.exchange.citations if c["id"] == event.number), None)
        if citation:
            self.open_citation(citation, event.exchange.citations)

    @on(SourcesPanel.Opened)
    def _source(self, event: SourcesPanel.Opened) -> None:
        self.open_citation(event.citation, self.query_one(SourcesPanel).citations)

    @work(group="viewer")
    async def open_citation(self, citation: dict[str, Any], siblings: list[dict[str, Any]]) -> None:
        """Open the cited document with the quote selected; n/p visit its other quotes."""
        doc_id = citation["document"]["id"]
        full = await self._document(doc_id)
        if full is None:
            return
        same = sorted({(c["start"], c["end"]) for c in siblings if c["document"]["id"] == doc_id})
        index = same.index((citation["start"], citation["end"]))
        await self.push_screen(SourceScreen(full["document"], full["text"], same, index))

    @work(group="viewer")
    async def open_document(self, doc_id: str) -> None:
        """Open a document from the documents screen, with nothing selected."""
        full = await self._document(doc_id)
        if full is not None:
            await self.push_screen(SourceScreen(full["document"], full["text"], []))

    async def _document(self, doc_id: str) -> dict[str, Any] | None:
        if doc_id not in self._documents:
            try:
                self._documents[doc_id] = await self.client.document(doc_id)
            except ServiceError as exc:
                self.notify(exc.hint or exc.message, title=exc.message, severity="error")
                return None
        return self._documents[doc_id]

    # ---- actions -----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Chat actions only from the chat: never on a hidden chat, never a screen twice."""
        return not (action in CHAT_ACTIONS and len(self.screen_stack) > 1)

    def action_timeline(self) -> None:
        """Dated events in order; open any event's source."""
        self.push_screen(TimelineScreen(self.client))

    def action_register(self) -> None:
        """The recommendations register with status."""
        self.push_screen(RegisterScreen(self.client))

    def action_check(self) -> None:
        """Paste a draft and see each sentence supported, contradicted or not found."""
        self.push_screen(CheckScreen(self.client))

    def action_documents(self) -> None:
        """Browse every document."""
        self.push_screen(DocumentsScreen(self.client))

    def action_filters(self) -> None:
        """Choose kind and date range for the next questions."""

        def chosen(filters: dict[str, str] | None) -> None:
            self.conversation.filters = filters or {}
            self._show_filters()

        self.push_screen(FiltersScreen(self.conversation.filters), chosen)

    def action_focus_sources(self) -> None:
        """Move the focus to the sources panel (↑/↓, enter to open)."""
        self.query_one(SourcesPanel).focus()

    def action_copy_answer(self) -> None:
        """Copy the last answer with its references (OSC 52)."""
        answered = [e for e in self.conversation.exchanges if e.status != "pending"]
        if not answered:
            self.notify("Nothing to copy yet.")
            return
        last = Conversation(id="copy", title=answered[-1].question, exchanges=[answered[-1]])
        self.copy_to_clipboard(to_markdown(last))
        self.notify("The last answer and its references were copied.")

    def action_export(self) -> None:
        """Write the conversation to a Markdown file with numbered references."""
        path = self.export_folder / f"conversation-{self.conversation.id}.md"
        try:
            path.write_text(to_markdown(self.conversation), encoding="utf-8")
        except OSError as exc:
            self.notify(f"{path}: {exc.strerror}", title="Export failed", severity="error")
            return
        self.notify(f"Exported to {path}", title="Exported")

    def action_open_conversation(self) -> None:
        """Reopen a saved conversation."""

        def chosen(conversation: Conversation | None) -> None:
            if conversation is not None:
                self._load(conversation)

        self.push_screen(ConversationsScreen(self.store.list()), chosen)

    def action_new_conversation(self) -> None:
        """Start again with an empty conversation."""
        self._load(self.store.new())

    def action_retry(self) -> None:
        """Ask the last question again (after an error, say)."""
        if not self.conversation.exchanges:
            self.wait_until_ready()
            return
        last = self.conversation.exchanges.pop()
        for view in self.query(ExchangeView):
            if view.exchange is last:
                view.remove()
        self.ask(last.question)

    def action_toggle_theme(self) -> None:
        """Switch between the light and dark themes."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action is in the command palette too."""
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            action = getattr(self, f"action_{binding.action}")
            yield SystemCommand(binding.description, action.__doc__ or "", action)

    # ---- helpers -----------------------------------------------------------
    def _load(self, conversation: Conversation) -> None:
        self.conversation = conversation
        scroll = self.query_one("#conversation", VerticalScroll)
        scroll.remove_children(ExchangeView)
        for exchange in conversation.exchanges:
            scroll.mount(ExchangeView(exchange))
        self.query_one("#examples").display = not conversation.exchanges
        last = conversation.exchanges[-1].citations if conversation.exchanges else []
        self.query_one(SourcesPanel).show(last)
        self._show_filters()

    def _show_filters(self) -> None:
        filters = self.conversation.filters
        label = ", ".join(f"{k}: {v}" for k, v in filters.items())
        self.title = f"Records assistant — filters: {label}" if label else "Records assistant"


def _apply(exchange: Exchange, name: str, data: dict[str, Any]) -> None:
    """Fold one streamed event into the exchange."""
    if name == "meta":
        exchange.resolved = data.get("resolved_question")
    elif name == "delta":
        exchange.answer += data["text"]
    elif name == "citations":
        exchange.citations = data["citations"]
        exchange.related = data.get("related", [])
    elif name == "done":
        exchange.status = data["status"]
        exchange.reason = data.get("reason")
        exchange.answer_id = data.get("answer_id")
