//! The article list overlay (several articles open): one row per article,
//! the current one marked, the cursor reversed.

use super::cells::put_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use crate::reader::layout::fit;
use crate::reader::library::Library;
use crate::view::theme::Theme;

pub fn render(lib: &Library, cursor: usize, screen: Rect, theme: Theme, buf: &mut Buffer) {
    let titles = lib.titles();
    let width = screen.width.min(72).max(screen.width.min(20));
    let height = (titles.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(border::ROUNDED)
        .border_style(theme.border(true))
        .title(Line::from(format!(" Articles ({}) ", titles.len())).style(theme.group()));
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = usize::from(inner.height).max(1);
    let first = cursor.saturating_sub(rows - 1);
    for (row, i) in (first..titles.len()).take(rows).enumerate() {
        let mark = if i == lib.current { "▸ " } else { "  " };
        let text = format!("{mark}{}. {}", i + 1, titles[i]);
        let text = fit(&text, usize::from(inner.width));
        let style = if i == cursor {
            theme.cursor(true)
        } else {
            ratatui::style::Style::new()
        };
        put_line(
            buf,
            inner.x,
            inner.y + row as u16,
            &Line::from(text).style(style),
            inner.width,
        );
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::model::Document;
    use crate::reader::action::Action;
    use crate::reader::library::{self, Library};
    use crate::reader::state::State;

    #[test]
    fn the_list_shows_every_title_and_marks_the_current_article() {
        let states = ["Alpha Story\n\nBody.", "Beta Story\n\nBody."]
            .iter()
            .map(|t| State::new(Document::analyze(t), "x"))
            .collect();
        let mut lib = Library::new(states);
        library::update(&mut lib, Action::Resize(60, 12));
        library::update(&mut lib, Action::ToggleArticles);
        let mut t = Terminal::new(TestBackend::new(60, 12)).unwrap();
        t.draw(|f| crate::view::render_library(&lib, f)).unwrap();
        let screen: String = format!("{:?}", t.backend().buffer());
        assert!(screen.contains("Articles (2)"), "{screen}");
        assert!(screen.contains("▸ 1. Alpha Story"), "{screen}");
        assert!(screen.contains("  2. Beta Story"), "{screen}");
    }
}
