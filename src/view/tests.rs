//! Rendering tests on ratatui's TestBackend: what is on screen, and the
//! styles of chosen cells. Plain assertions rather than full snapshots, so
//! they hold while the analysis improves.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::model::{Document, Quote};
use crate::reader::action::Action;
use crate::reader::search::COUNT_LIMIT;
use crate::reader::state::tests::{random_action, rng, search};
use crate::reader::state::update;
use crate::testutil;

fn sized(doc: Document, w: u16, h: u16) -> State {
    let mut s = State::new(doc, "minerals-deal.txt");
    update(&mut s, Action::Resize(w, h));
    s
}

fn draw_state(state: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    t.draw(|f| render(state, f)).unwrap();
    t
}

fn text_of(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The screen cell showing byte `pos` of the text, if it is on screen.
fn cell_of(state: &State, pos: usize) -> Option<(u16, u16)> {
    let line = state.lines.line_at(pos);
    let row = line.checked_sub(state.top)?;
    if row >= state.text_height() {
        return None;
    }
    let l = &state.lines.lines[line];
    let col = state.doc.text[l.span.start..pos].width();
    Some((
        state.areas.text.x + col as u16,
        state.areas.text.y + row as u16,
    ))
}

fn cell<'a>(t: &'a Terminal<TestBackend>, state: &State, pos: usize) -> &'a Cell {
    let (x, y) = cell_of(state, pos).expect("position on screen");
    &t.backend().buffer()[(x, y)]
}

fn has(c: &Cell, m: Modifier) -> bool {
    c.style().add_modifier.contains(m)
}

#[test]
fn plain_reader_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let s = sized(testutil::bundled(), w, h);
        let t = draw_state(&s);
        let screen = text_of(&t);
        assert!(screen.contains("Putin Indicates Russia"), "{screen}");
        for group in ["People", "Numbers", "Places", "Organizations"] {
            assert!(screen.contains(group), "{group} missing at {w}x{h}");
        }
        assert!(screen.contains("Vladimir Putin"));
        let status: String = screen.lines().last().unwrap().to_string();
        assert!(status.contains("minerals-deal.txt · 0%"), "{status}");
        // Title bold; dek quieter (italic).
        assert!(has(cell(&t, &s, 0), Modifier::BOLD));
        let dek = s.doc.sections[1].span.start;
        assert!(has(cell(&t, &s, dek), Modifier::ITALIC));
        // No line of text is wider than the capped column.
        assert!(s.areas.text.width <= crate::reader::layout::MAX_TEXT_WIDTH);
    }
}

#[test]
fn wide_pane_centers_the_text_column() {
    let s = sized(testutil::bundled(), 200, 30);
    let a = s.areas;
    assert_eq!(a.text.width, crate::reader::layout::MAX_TEXT_WIDTH);
    let left = a.text.x - a.article.x;
    let right = a.scrollbar.x - a.text.right();
    assert!(left.abs_diff(right) <= 1, "{left} vs {right}");
}

#[test]
fn quotes_are_colored_by_speaker_and_the_sidebar_matches() {
    let s = sized(testutil::bundled(), 120, 40);
    let t = draw_state(&s);
    let theme = Theme::new(true);
    let q = &s.doc.quotes[s.index.quotes[0]];
    let speaker = q.speaker.unwrap();
    let slot = s.index.speaker_color[speaker].unwrap();
    let c = cell(&t, &s, q.span.start);
    assert_eq!(c.fg, theme.speaker_color(slot));
    // Two speakers, two colors.
    let other = s
        .index
        .quotes
        .iter()
        .map(|&i| &s.doc.quotes[i])
        .find(|o| o.speaker.is_some() && o.speaker != Some(speaker))
        .unwrap();
    let other_slot = s.index.speaker_color[other.speaker.unwrap()].unwrap();
    assert_ne!(theme.speaker_color(slot), theme.speaker_color(other_slot));
    // The speaker's sidebar entry has the same color.
    let name = &s.doc.entities[speaker].name;
    let (x, y) = find(&t, name).unwrap();
    assert_eq!(t.backend().buffer()[(x, y)].fg, theme.speaker_color(slot));
}

fn find(t: &Terminal<TestBackend>, needle: &str) -> Option<(u16, u16)> {
    let buf = t.backend().buffer();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut xs = Vec::new();
        for x in 0..buf.area.width {
            xs.push((row.len(), x));
            row.push_str(buf[(x, y)].symbol());
        }
        if let Some(i) = row.find(needle) {
            let x = xs.iter().find(|(b, _)| *b == i).map(|(_, x)| *x)?;
            return Some((x, y));
        }
    }
    None
}

#[test]
fn selecting_a_person_emphasizes_their_quotes_and_highlights_mentions() {
    let mut s = sized(testutil::bundled(), 120, 40);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Down); // Donald Trump
    let trump = s.selected_entity().unwrap();
    assert_eq!(s.doc.entities[trump].name, "Donald Trump");
    let t = draw_state(&s);
    let screen = text_of(&t);
    assert!(screen.contains("Donald Trump: 6 mentions"), "{screen}");

    // The selected entry is reversed in the sidebar.
    let (x, y) = find(&t, "Donald Trump ").unwrap();
    assert!(has(&t.backend().buffer()[(x, y)], Modifier::REVERSED));

    // Trump's quote: his color and bold. Putin's quote: quiet.
    let own = s
        .doc
        .quotes
        .iter()
        .find(|q| q.speaker == Some(trump))
        .unwrap();
    let c = cell(&t, &s, own.span.start);
    assert!(has(c, Modifier::BOLD));
    let slot = s.index.speaker_color[trump].unwrap();
    assert_eq!(c.fg, Theme::new(true).speaker_color(slot));
    let other = s
        .doc
        .quotes
        .iter()
        .find(|q| q.speaker.is_some() && q.speaker != Some(trump))
        .unwrap();
    let c = cell(&t, &s, other.span.start);
    assert!(has(c, Modifier::DIM));
    assert_eq!(c.fg, Color::Reset);

    // His mentions are highlighted; after Enter and n the current one more.
    let m0 = s.doc.entities[trump].mentions[0].span.start;
    assert!(has(cell(&t, &s, m0), Modifier::BOLD | Modifier::UNDERLINED));
    update(&mut s, Action::Activate);
    update(&mut s, Action::NextMatch);
    let t = draw_state(&s);
    assert!(text_of(&t).contains("Donald Trump: mention 2 of 6"));
    let m1 = s.doc.entities[trump].mentions[1].span.start;
    assert!(has(cell(&t, &s, m1), Modifier::REVERSED));
    assert!(!has(cell(&t, &s, m0), Modifier::REVERSED));
    // With the text focused the entry is still marked, not reversed.
    let (x, y) = find(&t, "Donald Trump ").unwrap();
    let c = &t.backend().buffer()[(x, y)];
    assert!(has(c, Modifier::UNDERLINED) && !has(c, Modifier::REVERSED));
}

#[test]
fn other_mentions_are_styled_by_kind_and_can_be_switched_off() {
    let mut s = sized(testutil::bundled(), 120, 40);
    let russia = s
        .doc
        .entities
        .iter()
        .find(|e| e.name == "Russia")
        .unwrap()
        .mentions[0]
        .span
        .start;
    let t = draw_state(&s);
    let c = cell(&t, &s, russia);
    assert!(has(c, Modifier::UNDERLINED));
    assert_eq!(c.underline_color, Color::Indexed(222));
    update(&mut s, Action::ToggleKinds);
    let t = draw_state(&s);
    assert!(!has(cell(&t, &s, russia), Modifier::UNDERLINED));
}

#[test]
fn description_mentions_highlight_as_the_person() {
    let mut doc = testutil::bundled();
    let pos = doc.text.find("The Russian leader").unwrap();
    let putin = &mut doc.entities[0];
    putin.mentions.push(crate::model::Mention {
        span: pos..pos + "The Russian leader".len(),
        description: true,
    });
    putin.mentions.sort_by_key(|m| m.span.start);
    let mut s = sized(doc, 120, 40);
    update(&mut s, Action::FocusNext); // Putin
    let t = draw_state(&s);
    assert!(has(
        cell(&t, &s, pos + 4),
        Modifier::BOLD | Modifier::UNDERLINED
    ));
}

#[test]
fn unattributed_quotes_are_neutral() {
    let mut doc = testutil::bundled();
    for q in &mut doc.quotes {
        q.speaker = None;
    }
    let s = sized(doc, 120, 40);
    let t = draw_state(&s);
    let q = &s.doc.quotes[s.index.quotes[0]];
    let c = cell(&t, &s, q.span.start);
    assert!(has(c, Modifier::ITALIC));
    assert_eq!(c.fg, Color::Reset);
}

#[test]
fn search_hits_and_placeholders_are_visible() {
    let doc = Document::analyze("Title line\n\nA bell \u{7} rings and a bell \u{1b}[31m sings.");
    let mut s = sized(doc, 80, 24);
    update(&mut s, Action::SearchStart);
    for c in "bell".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    let t = draw_state(&s);
    assert!(text_of(&t).contains("/bell█"));
    update(&mut s, Action::SearchConfirm);
    let t = draw_state(&s);
    assert!(text_of(&t).contains("/bell: hit 1 of 2"));
    let hits: Vec<usize> = s.doc.text.match_indices("bell").map(|(i, _)| i).collect();
    let theme = Theme::new(true);
    assert_eq!(cell(&t, &s, hits[0]).bg, theme.current_hit().bg.unwrap());
    assert_eq!(cell(&t, &s, hits[1]).bg, theme.search_hit().bg.unwrap());
    // Stand-ins for control characters stand out.
    let p = s.doc.placeholders[0].start;
    assert!(text_of(&t).contains("^G"));
    assert!(has(cell(&t, &s, p), Modifier::REVERSED));
}

#[test]
fn search_highlights_the_hits_on_screen_far_into_a_long_text() {
    let text = format!(
        "Title\n\n{}",
        "hay hay hay hay hay hay hay needle ".repeat(400)
    );
    let mut s = sized(Document::analyze(&text), 60, 20);
    for _ in 0..40 {
        update(&mut s, Action::PageDown);
    }
    search(&mut s, "hay needle");
    let t = draw_state(&s);
    let theme = Theme::new(true);
    let hits = s
        .doc
        .text
        .match_indices("hay needle")
        .map(|(i, _)| i..i + 10);
    let crate::reader::state::Search::Active { found: Some(f), .. } = &s.search else {
        panic!("no hit: {:?}", s.search);
    };
    assert!(s.top > 100, "far from the start");
    let (mut shown, mut broken) = (0, 0);
    for hit in hits {
        let style = if hit == f.hit {
            theme.current_hit()
        } else {
            theme.search_hit()
        };
        let on_screen: Vec<usize> = hit
            .clone()
            .filter(|&i| s.doc.text.as_bytes()[i] != b' ')
            .filter(|&i| cell_of(&s, i).is_some())
            .collect();
        for &i in &on_screen {
            assert_eq!(
                cell(&t, &s, i).bg,
                style.bg.unwrap(),
                "byte {i} of hit {hit:?}"
            );
        }
        if !on_screen.is_empty() {
            shown += 1;
            broken += usize::from(s.lines.lines_of(&hit).len() > 1);
        }
        // The hay before a hit is not one.
        if let Some(p) = cell_of(&s, hit.start - 4) {
            assert_eq!(t.backend().buffer()[p].bg, Color::Reset);
        }
    }
    assert!(shown >= 5, "{shown} hits on screen");
    assert!(
        broken >= 1,
        "a hit broken across two lines is highlighted on both"
    );
}

#[test]
fn search_status_counts_up_to_a_limit_and_says_no_matches() {
    let doc = Document::analyze(&"ab ".repeat(COUNT_LIMIT + 5));
    let mut s = sized(doc, 120, 30);
    let status = |s: &State| text_of(&draw_state(s)).lines().last().unwrap().to_string();
    search(&mut s, "ab");
    assert!(status(&s).contains("/ab: hit 1 of >999"), "{}", status(&s));
    update(&mut s, Action::PrevMatch);
    assert!(
        status(&s).contains("/ab: hit >999 of >999"),
        "{}",
        status(&s)
    );
    search(&mut s, "ba");
    assert!(status(&s).contains("/ba: no matches"), "{}", status(&s));
    update(&mut s, Action::Top);
    search(&mut s, "ab ab");
    assert!(status(&s).contains("hit 1 of 502"), "{}", status(&s));
}

#[test]
fn current_quote_gets_a_bar_in_the_margin() {
    let mut s = sized(testutil::bundled(), 120, 40);
    update(&mut s, Action::NextQuote);
    let t = draw_state(&s);
    let q = &s.doc.quotes[s.quote.unwrap()];
    let (_, y) = cell_of(&s, q.span.start).unwrap();
    assert_eq!(t.backend().buffer()[(s.areas.text.x - 1, y)].symbol(), "▎");
}

#[test]
fn status_line_names_the_current_quotes_speaker_and_why() {
    let doc = Document::analyze(
        "Title\n\nCoach Ada Okafor praised the defense. “We held firm,” she said.\n\n“The kids deserve it,” a parent said.",
    );
    let mut s = sized(doc, 160, 30);
    update(&mut s, Action::NextQuote);
    let screen = text_of(&draw_state(&s));
    assert!(
        screen.contains("quote 1/2 · Ada Okafor · “she said”, pronoun"),
        "{screen}"
    );
    update(&mut s, Action::NextQuote);
    let screen = text_of(&draw_state(&s));
    assert!(
        screen.contains("quote 2/2 · no speaker · “a parent said”, an unnamed speaker"),
        "{screen}"
    );
}

#[test]
fn a_guessed_speaker_is_slanted_and_marked_in_the_status() {
    let mut doc = testutil::doc_with_people();
    doc.quotes[0].attribution.confidence = 55;
    let mut s = sized(doc, 120, 30);
    update(&mut s, Action::NextQuote);
    let t = draw_state(&s);
    let q0 = s.doc.quotes[0].span.start;
    let q1 = s.doc.quotes[1].span.start;
    assert!(has(cell(&t, &s, q0), Modifier::ITALIC));
    assert_ne!(
        cell(&t, &s, q0).fg,
        Color::Reset,
        "still in the speaker's color"
    );
    assert!(!has(cell(&t, &s, q1), Modifier::ITALIC));
    assert!(
        text_of(&t).contains("quote 1/2 · Anna? ·"),
        "{}",
        text_of(&t)
    );
}

#[test]
fn help_overlay_lists_the_keys() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = sized(testutil::bundled(), w, h);
        update(&mut s, Action::ToggleHelp);
        let screen = text_of(&draw_state(&s));
        assert!(screen.contains("Keys") && screen.contains("Shift+drag selects text"));
        for b in crate::reader::keymap::BINDINGS {
            assert!(
                screen.contains(b.description),
                "{} at {w}x{h}",
                b.description
            );
        }
        assert!(
            screen
                .lines()
                .any(|l| l.contains("n ") && l.contains("next hit / mention"))
        );
    }
}

#[test]
fn help_says_shift_drag_only_while_the_mouse_is_captured() {
    let mut s = sized(testutil::bundled(), 120, 40);
    s.mouse_captured = false;
    update(&mut s, Action::ToggleHelp);
    let screen = text_of(&draw_state(&s));
    assert!(screen.contains("Keys") && !screen.contains("Shift+drag"));
}

#[test]
fn help_and_hint_show_the_keys_the_settings_give() {
    use crate::reader::keymap::parse_key;
    let mut s = sized(testutil::bundled(), 120, 40);
    let keys = |names: &[&str]| names.iter().map(|n| parse_key(n).unwrap()).collect();
    s.keys = vec![
        (Action::Quit, keys(&["x"])),
        (Action::NextMatch, keys(&["C-n", "PgDn"])),
    ];
    let status = text_of(&draw_state(&s));
    let hint = status.lines().last().unwrap_or_default();
    assert!(
        hint.contains("x quit") && hint.contains("C-n next"),
        "{hint}"
    );
    assert!(
        !hint.contains("q quit") && !hint.contains(" n next"),
        "{hint}"
    );
    update(&mut s, Action::ToggleHelp);
    let screen = text_of(&draw_state(&s));
    let row = |description: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains(description))
            .unwrap_or_default();
        // The key column just before this description.
        let before = &line[..line.find(description).unwrap_or(0)];
        // The key column just before this description, after the gap to
        // the column on its left.
        before
            .split('│')
            .next_back()
            .unwrap_or_default()
            .split("  ")
            .filter(|p| !p.trim().is_empty())
            .last()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    assert_eq!(row("close view / quit"), "x");
    assert_eq!(row("next hit / mention"), "C-n PgDn");
    assert_eq!(row("previous hit / mention"), "N", "others keep their keys");
}

#[test]
fn outline_shows_headings_and_status_names_the_section() {
    let mut doc =
        Document::analyze("Title\n\nFirst part\n\nSome text here.\n\nSecond part\n\nMore.");
    for s in &mut doc.sections[1..] {
        if !doc.text[s.span.clone()].ends_with('.') {
            s.kind = crate::model::SectionKind::Heading;
        }
    }
    let mut s = sized(doc, 100, 12);
    update(&mut s, Action::NextSection);
    let screen = text_of(&draw_state(&s));
    assert!(screen.contains("Outline"));
    assert!(screen.contains(" First part"));
    assert!(screen.contains("§ First part"), "{screen}");
}

#[test]
fn narrow_terminal_uses_an_overlay() {
    let mut s = sized(testutil::bundled(), 60, 20);
    let screen = text_of(&draw_state(&s));
    assert!(!screen.contains("People"));
    update(&mut s, Action::ToggleSidebar);
    let screen = text_of(&draw_state(&s));
    assert!(screen.contains("People") && screen.contains("Sidebar"));
}

#[test]
fn tiny_terminals_show_a_message() {
    let s = sized(testutil::bundled(), 10, 5);
    let screen = text_of(&draw_state(&s));
    assert!(screen.contains("terminal"), "{screen}");
    assert!(screen.contains("small"), "{screen}");
    let s = sized(testutil::bundled(), 1, 1);
    assert_eq!(text_of(&draw_state(&s)), "t\n");
    let s = sized(testutil::bundled(), 0, 0);
    draw(
        &s,
        ratatui::layout::Rect::default(),
        &mut Buffer::empty(Default::default()),
    );
}

#[test]
fn monochrome_theme_uses_no_colors() {
    let mut s = sized(testutil::bundled(), 120, 40);
    s.color = false;
    update(&mut s, Action::FocusNext);
    let t = draw_state(&s);
    let buf = t.backend().buffer();
    for c in buf.content() {
        assert_eq!(c.fg, Color::Reset);
        assert_eq!(c.bg, Color::Reset);
    }
}

#[test]
fn every_size_and_random_actions_render_without_panic() {
    let mut docs = vec![
        testutil::bundled(),
        testutil::doc_with_people(),
        Document::default(),
    ];
    // Wide characters and a quote with a dangling speaker id.
    let mut odd = Document::analyze(
        "标题 😀\n\n“引用” 文本 ~ 😀😀😀 a\u{202e}b\n\nlong-word-without-breaks-at-all",
    );
    odd.quotes.push(Quote {
        span: 0..3,
        speaker: Some(99),
        continues: false,
        attribution: Default::default(),
    });
    docs.push(odd);
    for (seed, doc) in docs.into_iter().enumerate() {
        let mut state = sized(doc, 1, 1);
        let mut r = rng(seed as u64 + 3);
        for w in (1..=60).step_by(3) {
            for h in (1..=30).step_by(2) {
                update(&mut state, Action::Resize(w, h));
                for _ in 0..4 {
                    let a = random_action(&mut r);
                    if let Action::Resize(..) | Action::Quit = a {
                        continue;
                    }
                    update(&mut state, a);
                }
                draw_state(&state);
                crate::reader::state::tests::check(&state);
            }
        }
    }
}

#[test]
fn the_sidebar_says_none_only_once_the_analysis_is_in() {
    let text = testutil::bundled().text;
    let mut s = State::pending(Document::outline(&text), "minerals-deal.txt");
    update(&mut s, Action::Resize(120, 40));
    let before = text_of(&draw_state(&s));
    assert!(before.contains("People"), "{before}");
    assert!(!before.contains(" none"), "{before}");
    assert!(before.contains(" …"), "{before}");
    crate::reader::state::analysis_done(&mut s, Document::analyze(&text));
    let after = text_of(&draw_state(&s));
    assert!(!after.contains(" … "), "{after}");
}
