//! Tests of the at-a-glance views on the analysed bundled article and on the
//! shared articles: numbers in context, the map, the timeline and the
//! quotes view. Assertions are on what is on screen, robust to small
//! changes of the analysis.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::*;
use crate::model::Document;
use crate::reader::action::Action;
use crate::reader::state::{Focus, update};
use crate::source::input::BUNDLED;

pub(crate) fn sized(doc: Document, w: u16, h: u16) -> State {
    let mut s = State::new(doc, "minerals-deal.txt");
    update(&mut s, Action::Resize(w, h));
    s
}

pub(crate) fn analysed(w: u16, h: u16) -> State {
    sized(Document::analyze(BUNDLED), w, h)
}

pub(crate) fn draw_buf(state: &State) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    t.draw(|f| render(state, f)).unwrap();
    t.backend().buffer().clone()
}

pub(crate) fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Move the sidebar cursor onto the entity called `name` with keys.
pub(crate) fn select_named(s: &mut State, name: &str) {
    if s.focus != Focus::Sidebar {
        update(s, Action::FocusNext);
    }
    update(s, Action::Top);
    for _ in 0..s.index.selectable.len() {
        if s.selected_entity()
            .is_some_and(|id| s.doc.entities[id].name == name)
        {
            return;
        }
        update(s, Action::Down);
    }
    panic!("{name} not in the sidebar");
}

#[test]
fn number_entries_say_what_they_count() {
    // A narrow sidebar cuts the context short.
    for (w, h, shown) in [
        (120, 40, "2 million tons — aluminum"),
        (80, 24, "2 million tons — al"),
    ] {
        let mut s = analysed(w, h);
        select_named(&mut s, "2 million tons");
        let screen = rows(&draw_buf(&s)).join("\n");
        assert!(screen.contains(shown), "{screen}");
    }
}

#[test]
fn a_selected_number_is_compared_with_its_unit() {
    let mut s = analysed(120, 40);
    select_named(&mut s, "15 percent");
    let panel = s.compare_area().expect("a compare panel");
    let buf = draw_buf(&s);
    let lines = rows(&buf);
    let inside = |y: u16| -> String {
        (panel.x..panel.right())
            .map(|x| buf[(x, y)].symbol())
            .collect()
    };
    let text: Vec<String> = (panel.y..panel.bottom()).map(inside).collect();
    assert!(
        text.iter().any(|l| l.contains("Compare · percent")),
        "{text:?}"
    );
    let bar_of = |name: &str| {
        text.iter()
            .find(|l| l.contains(name))
            .map(|l| l.chars().filter(|&c| c == '█').count())
            .unwrap_or_else(|| panic!("{name} in {text:?}"))
    };
    // 50 percent is the largest: its bar is full, 15 percent's shorter.
    assert!(bar_of("50 percent") > bar_of("15 percent"));
    // The list above still shows the cursor.
    let cursor = s.index.selectable[s.cursor];
    let list = s.sidebar_list().unwrap();
    let row = cursor - s.sidebar_top;
    assert!(row < usize::from(list.height));
    assert!(lines[list.y as usize + row].contains("15 percent"));
    // Nothing to compare for a person.
    select_named(&mut s, "Donald Trump");
    assert!(s.compare_area().is_none());
}

/// The text of a row of cells.
fn cells(buf: &Buffer, x: u16, y: u16, w: u16) -> String {
    (x..x + w).map(|x| buf[(x, y)].symbol()).collect()
}

/// Markers drawn inside the map area.
fn markers_drawn(state: &State, buf: &Buffer) -> usize {
    let a = state.map_area().unwrap();
    let mut n = 0;
    for y in a.y..a.bottom() {
        for x in a.x..a.right() {
            let s = buf[(x, y)].symbol();
            if s == map::MARKER || s == map::SELECTED_MARKER {
                n += 1;
            }
        }
    }
    n
}

/// Every label is drawn where the layout says, inside the map area, and no
/// two labels share a cell.
pub(crate) fn assert_labels_sound(state: &State, buf: &Buffer) {
    let (Some(area), Some(layout)) = (state.map_area(), state.map_layout()) else {
        return;
    };
    let mut used = std::collections::HashSet::new();
    for l in &layout.labels {
        let r = l.rect();
        assert!(
            r.x >= area.x && r.right() <= area.right() && r.y >= area.y && r.y < area.bottom(),
            "{l:?} outside {area:?}"
        );
        assert_eq!(cells(buf, r.x, r.y, r.width), l.text, "{l:?} not drawn");
        for x in r.x..r.right() {
            assert!(
                used.insert((x, r.y)),
                "labels overlap at {x},{} ({l:?})",
                r.y
            );
        }
    }
}

#[test]
fn map_shows_the_places_and_labels_the_selected_one() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = analysed(w, h);
        update(&mut s, Action::ToggleMap);
        assert_eq!(s.view, crate::reader::state::View::Map);
        // Opening the map selects the most mentioned place.
        let first = s.selected_place().expect("a place selected");
        let buf = draw_buf(&s);
        let screen = rows(&buf).join("\n");
        assert!(screen.contains("Map · "), "{screen}");
        let layout = s.map_layout().unwrap();
        let name = &s.doc.entities[first].name;
        let label = layout
            .labels
            .iter()
            .find(|l| l.id == first)
            .expect("the selected place is labelled");
        assert_eq!(&label.text, name);
        assert!(screen.contains(name.as_str()));
        // Russia, Ukraine, the US, Siberia...: several markers; shared
        // points (a country at its capital) share a cell.
        assert!(markers_drawn(&s, &buf) >= 5, "{screen}");
        assert_labels_sound(&s, &buf);
        // The selected label stands out.
        let c = &buf[(label.x, label.y)];
        assert!(c.modifier.contains(ratatui::style::Modifier::REVERSED));

        // j selects the next place, and its label follows.
        update(&mut s, Action::Down);
        let next = s.selected_place().unwrap();
        assert_ne!(next, first);
        let buf = draw_buf(&s);
        assert!(s.map_layout().unwrap().labels.iter().any(|l| l.id == next));
        assert_labels_sound(&s, &buf);

        // A click on a label selects its place.
        let layout = s.map_layout().unwrap();
        let other = layout.labels.iter().find(|l| l.id != next).unwrap();
        update(
            &mut s,
            Action::Click {
                x: other.x,
                y: other.y,
            },
        );
        assert_eq!(s.selected_place(), Some(other.id));

        // Esc and m close the map.
        update(&mut s, Action::Cancel);
        assert_eq!(s.view, crate::reader::state::View::Article);
        update(&mut s, Action::ToggleMap);
        update(&mut s, Action::ToggleMap);
        assert_eq!(s.view, crate::reader::state::View::Article);
    }
}

#[test]
fn enter_on_the_map_reads_about_the_place() {
    let mut s = analysed(120, 40);
    update(&mut s, Action::ToggleMap);
    let id = s.selected_place().unwrap();
    update(&mut s, Action::Activate);
    assert_eq!(s.view, crate::reader::state::View::Article);
    assert_eq!(s.selected_entity(), Some(id));
    assert_eq!(s.mention, Some(0));
    let first = s.doc.entities[id].mentions[0].span.start;
    let line = s.lines.line_at(first);
    assert!(line >= s.top && line < s.top + s.text_height());
}

/// `cargo test print_views -- --ignored --nocapture` shows the views.
#[test]
#[ignore]
fn print_views() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = analysed(w, h);
        for a in [Action::ToggleMap, Action::ToggleQuotes] {
            update(&mut s, a);
            println!("{}", rows(&draw_buf(&s)).join("\n"));
        }
    }
}

#[test]
fn quotes_view_groups_quotes_by_speaker() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = analysed(w, h);
        update(&mut s, Action::ToggleQuotes);
        assert_eq!(s.view, crate::reader::state::View::Quotes);
        let screen = rows(&draw_buf(&s));
        let all = screen.join("\n");
        assert!(all.contains("Quotes · "), "{all}");
        assert!(all.contains("Voices: 5 people quoted"), "{all}");
        assert!(all.contains("Mentioned, never quoted: Vladimir Putin"));
        let trump = screen
            .iter()
            .find(|l| l.contains("│Donald Trump"))
            .expect("Donald Trump's group");
        assert!(trump.contains("4 quotes"), "{trump}");
        assert!(trump.contains('█'), "a share bar: {trump}");
        assert!(all.contains("“wants to make a deal”"));
        let unattributed = s.doc.quotes.iter().any(|q| q.speaker.is_none());
        assert_eq!(all.contains("Unattributed"), unattributed);
        // Trump's group comes first, his quotes in article order below it.
        let first = screen.iter().position(|l| l.contains("“wants to")).unwrap();
        let second = screen
            .iter()
            .position(|l| l.contains("“very much"))
            .unwrap();
        assert!(screen.iter().position(|l| l == trump).unwrap() < first && first < second);
    }
}

#[test]
fn enter_in_the_quotes_view_jumps_to_the_quote() {
    let mut s = analysed(80, 24);
    update(&mut s, Action::ToggleQuotes);
    // Cursor on the first speaker; down to their second quote.
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    update(&mut s, Action::Bottom);
    update(&mut s, Action::Top);
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    let row = s.quotes_cursor_row().unwrap();
    let crate::reader::quotes::QuoteRow::Quote(q) = s.index.quote_list.rows[row] else {
        panic!("not on a quote");
    };
    update(&mut s, Action::Activate);
    assert_eq!(s.view, crate::reader::state::View::Article);
    assert_eq!(s.quote, Some(q));
    let line = s.lines.line_at(s.doc.quotes[q].span.start);
    assert!(line >= s.top && line < s.top + s.text_height());
}

#[test]
fn quotes_view_mouse_wheel_and_clicks() {
    let mut s = analysed(80, 24);
    update(&mut s, Action::ToggleQuotes);
    let area = s.quotes_area().unwrap();
    assert!(s.index.quote_list.rows.len() > usize::from(area.height));
    update(
        &mut s,
        Action::Wheel {
            x: area.x + 2,
            y: area.y + 2,
            down: true,
        },
    );
    assert!(s.quotes_top > 0);
    let buf = draw_buf(&s);
    // Click on the speaker row of Emmanuel Macron: he is selected.
    let y = (area.y..area.bottom())
        .find(|&y| cells(&buf, area.x, y, 15) == "Emmanuel Macron")
        .expect("Macron on screen");
    update(&mut s, Action::Click { x: area.x + 1, y });
    let macron = s.selected_entity().unwrap();
    assert_eq!(s.doc.entities[macron].name, "Emmanuel Macron");
    assert_eq!(s.view, crate::reader::state::View::Quotes);
    // Click on his first quote: the view closes on it.
    update(
        &mut s,
        Action::Click {
            x: area.x + 3,
            y: y + 1,
        },
    );
    assert_eq!(s.view, crate::reader::state::View::Article);
    let q = s.quote.unwrap();
    assert_eq!(s.doc.quotes[q].speaker, Some(macron));
}

#[test]
fn timeline_marks_the_mentions_of_the_selection() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = analysed(w, h);
        assert!(s.timeline_area().is_none(), "nothing selected, no strip");
        select_named(&mut s, "Donald Trump");
        let strip = s.timeline_area().expect("a strip");
        assert_eq!(strip.x + 1, s.areas.scrollbar.x);
        let buf = draw_buf(&s);
        let column: Vec<&str> = (strip.y..strip.bottom())
            .map(|y| buf[(strip.x, y)].symbol())
            .collect();
        let marks = column.iter().filter(|&&c| c == timeline::MARK).count();
        let trump = s.selected_entity().unwrap();
        let mentions = s.doc.entities[trump].mentions.len();
        assert!(marks >= 1 && marks <= mentions, "{column:?}");
        // Every mention's row is marked.
        let rows = usize::from(strip.height);
        for m in &s.doc.entities[trump].mentions {
            let line = s.lines.line_at(m.span.start);
            let r = crate::reader::timeline::row_of_line(line, rows, s.lines.len());
            assert_eq!(column[r], timeline::MARK, "row {r}");
        }
        // Clicking the last mark jumps to a mention there.
        let last = column.iter().rposition(|&c| c == timeline::MARK).unwrap();
        update(
            &mut s,
            Action::Click {
                x: strip.x,
                y: strip.y + last as u16,
            },
        );
        let k = s.mention.expect("a current mention");
        let line = s
            .lines
            .line_at(s.doc.entities[trump].mentions[k].span.start);
        assert!(line >= s.top && line < s.top + s.text_height());
        assert_eq!(
            crate::reader::timeline::row_of_line(line, rows, s.lines.len()),
            last
        );
        let buf = draw_buf(&s);
        assert_eq!(
            buf[(strip.x, strip.y + last as u16)].symbol(),
            timeline::CURRENT
        );
        // t hides it.
        update(&mut s, Action::ToggleTimeline);
        assert!(s.timeline_area().is_none());
    }
}

#[test]
fn clicking_an_empty_timeline_row_scrolls_there() {
    let mut s = analysed(80, 24);
    select_named(&mut s, "Donald Trump");
    update(&mut s, Action::FocusNext);
    let strip = s.timeline_area().unwrap();
    update(
        &mut s,
        Action::Click {
            x: strip.x,
            y: strip.bottom() - 1,
        },
    );
    assert!(s.top > 0);
}

#[test]
fn typing_after_slash_in_the_sidebar_filters_it() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = analysed(w, h);
        update(&mut s, Action::ToggleSidebar); // narrow screens
        if s.focus != Focus::Sidebar {
            update(&mut s, Action::FocusNext);
        }
        update(&mut s, Action::SearchStart);
        assert!(s.filtering);
        assert_eq!(s.search, crate::reader::state::Search::Off);
        for c in "rss".chars() {
            update(&mut s, Action::SearchInput(c));
        }
        let buf = draw_buf(&s);
        let screen = rows(&buf).join("\n");
        let side = s.areas.sidebar.unwrap();
        let sidebar: String = (side.y..side.bottom())
            .map(|y| cells(&buf, side.x, y, side.width) + "\n")
            .collect();
        // Russia matches r-s-s; Donald Trump does not.
        assert!(sidebar.contains("Russia"), "{sidebar}");
        assert!(!sidebar.contains("Donald Trump"), "{sidebar}");
        assert!(screen.contains("filter: rss█"), "{screen}");
        for g in ["People", "Numbers", "Places"] {
            assert!(sidebar.contains(g), "{g}: {sidebar}");
        }
        // Enter keeps the filter; the selection is a match.
        update(&mut s, Action::SearchConfirm);
        assert!(!s.filtering);
        let id = s.selected_entity().unwrap();
        assert!(crate::reader::index::fuzzy_match(
            "rss",
            &s.doc.entities[id].name
        ));
        // Esc clears it.
        update(&mut s, Action::Cancel);
        assert!(s.filter.is_empty());
        let screen = rows(&draw_buf(&s)).join("\n");
        assert!(screen.contains("Donald Trump"));
    }
    // With the text focused, / is the text search.
    let mut s = analysed(120, 40);
    update(&mut s, Action::SearchStart);
    assert!(!s.filtering);
    assert!(matches!(s.search, crate::reader::state::Search::Typing(_)));
}

#[test]
fn help_names_each_view_with_its_key() {
    let mut s = analysed(120, 40);
    update(&mut s, Action::ToggleHelp);
    let screen = rows(&draw_buf(&s));
    for (key, what) in [
        ("m", "map of places"),
        ("v", "quotes view"),
        ("t", "mention timeline"),
    ] {
        assert!(
            screen
                .iter()
                .any(|l| l.contains(&format!("{key}  ")) && l.contains(what)),
            "{key} {what}"
        );
    }
}

/// The shared articles, when the folder is there.
fn shared_articles() -> Vec<(String, String)> {
    let Ok(dir) = std::fs::read_dir("/work/shared/articles") else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = dir
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    out.sort();
    out
}

#[test]
fn views_hold_on_every_article_at_every_size() {
    let mut docs: Vec<(String, Document)> = shared_articles()
        .into_iter()
        .map(|(name, text)| (name, Document::analyze(&text)))
        .collect();
    docs.push(("bundled".into(), Document::analyze(BUNDLED)));
    docs.push(("empty".into(), Document::default()));
    for (name, doc) in docs {
        let mut s = sized(doc, 1, 1);
        // Select the first place, if any, so the map highlights it and the
        // timeline shows.
        if let Some(&p) = s.index.places.first() {
            update(&mut s, Action::ToggleMap);
            assert_eq!(s.selected_place(), Some(p), "{name}");
            update(&mut s, Action::ToggleMap);
        }
        for w in (1..=160).step_by(13) {
            for h in (1..=50).step_by(7) {
                update(&mut s, Action::Resize(w, h));
                for view in [Action::ToggleMap, Action::ToggleQuotes] {
                    let buf = draw_buf(&s);
                    assert_labels_sound(&s, &buf);
                    update(&mut s, view);
                    let buf = draw_buf(&s);
                    assert_labels_sound(&s, &buf);
                    update(&mut s, Action::Down);
                    assert_labels_sound(&s, &draw_buf(&s));
                    update(&mut s, view);
                    crate::reader::state::tests::check(&s);
                }
            }
        }
    }
}

#[test]
fn the_quotes_view_shows_each_quote_whole_and_y_copies_the_one_under_the_cursor() {
    let mut s = analysed(60, 30);
    update(&mut s, Action::ToggleQuotes);
    let area = s.quotes_area().unwrap();
    let screen = rows(&draw_buf(&s)).join("\n");
    // Every quote on screen is there word for word, over as many lines as
    // it needs: some need more than one at this width.
    let shown: String = screen
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut wrapped = 0;
    for r in s.quotes_top..s.index.quote_list.rows.len() {
        let crate::reader::quotes::QuoteRow::Quote(q) = s.index.quote_list.rows[r] else {
            continue;
        };
        let lines = s.quote_lines(q);
        let top: usize = (s.quotes_top..r).map(|r| s.quote_row_height(r)).sum();
        if top + lines.len() > usize::from(area.height) {
            break;
        }
        wrapped += usize::from(lines.len() > 1);
        let words = s
            .doc
            .slice(&s.doc.quotes[q].span)
            .split_whitespace()
            .collect::<Vec<_>>();
        assert!(
            shown.contains(&words.join(" ")),
            "{words:?} not whole in\n{screen}"
        );
    }
    assert!(wrapped > 0, "no quote needed two lines");
    // y in the view copies the quote under the cursor, with its speaker.
    update(&mut s, Action::Down);
    update(&mut s, Action::CopyQuote);
    let copied = s.copied.take().expect("copied");
    assert!(
        copied.starts_with('“') && copied.contains("” — "),
        "{copied}"
    );
    assert!(copied.ends_with(s.doc.title().unwrap()), "{copied}");
    s.copy_allowed = false;
    update(&mut s, Action::CopyQuote);
    assert!(s.copied.is_none());
    assert!(s.message.as_deref().unwrap().contains("clipboard = false"));
}
