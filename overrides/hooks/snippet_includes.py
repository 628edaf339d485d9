"""What a page includes with `--8<--`, read by pymdownx.snippets itself.

One reader serves the build and the tests: this hook gives each page's template the example
scripts the page includes (the download links under their code blocks), and tests/catalog.py
uses `expand_snippets` to read every page as the site renders it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Include:
    """A file a page includes with `--8<--`: whole (section None) or one named section."""

    path: Path
    section: str | None


def expand_snippets(text: str, options: dict) -> tuple[str, list[Include]]:
    """The page with every include replaced, and what it included; `options` are the
    pymdownx.snippets options of mkdocs.yml."""
    import markdown
    from pymdownx.snippets import SnippetExtension, SnippetPreprocessor

    included: list[list] = []

    class Recording(SnippetPreprocessor):
        # pymdownx resolves every include's path here, then extracts the section (if any) from it.
        def get_snippet_path(self, path):
            found = super().get_snippet_path(path)
            if found:
                included.append([Path(found).resolve(), None])
            return found

        def extract_section(self, section, lines):
            included[-1][1] = section
            return super().extract_section(section, lines)

    md = markdown.Markdown()
    extension = SnippetExtension(**options)
    preprocessor = Recording(extension.getConfigs(), md)
    expanded = "\n".join(preprocessor.run(text.split("\n")))
    return expanded, [Include(path, section) for path, section in included]


def on_page_markdown(markdown: str, page, config, **_kwargs) -> None:
    """Put the example scripts the page includes in `page.meta["example_files"]`, as paths from
    the repository root (the site publishes them at the same paths)."""
    root = Path(config.config_file_path).resolve().parent
    options = dict(config.mdx_configs.get("pymdownx.snippets", {}))
    options["base_path"] = [str(root / path) for path in options.get("base_path", ["."])]
    _, includes = expand_snippets(markdown, options)
    files = []
    for include in includes:
        relative = include.path.relative_to(root).as_posix()
        if relative.startswith("examples/") and include.path.suffix == ".py":
            files.append(relative)
    page.meta["example_files"] = list(dict.fromkeys(files))
