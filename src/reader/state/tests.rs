use super::*;
use crate::model::{Section, SectionKind};
use crate::reader::search::{COUNT_LIMIT, Found, Tally};
use crate::testutil;

fn sized(doc: Document, w: u16, h: u16) -> State {
    let mut s = State::new(doc, "test.txt");
    update(&mut s, Action::Resize(w, h));
    s
}

fn bundled(w: u16, h: u16) -> State {
    sized(testutil::bundled(), w, h)
}

/// A document with headings: "Title", then three heading + paragraph pairs.
fn with_headings() -> Document {
    let mut text = String::from("Title\n\n");
    let mut sections = vec![Section {
        kind: SectionKind::Title,
        span: 0..5,
    }];
    for h in ["One", "Two", "Three"] {
        let start = text.len();
        text.push_str(h);
        sections.push(Section {
            kind: SectionKind::Heading,
            span: start..text.len(),
        });
        text.push_str("\n\n");
        let start = text.len();
        text.push_str(&"word ".repeat(60));
        text.pop();
        sections.push(Section {
            kind: SectionKind::Paragraph,
            span: start..text.len(),
        });
        text.push_str("\n\n");
    }
    Document {
        text,
        sections,
        ..Document::default()
    }
}

/// Invariants that must hold after any action.
pub(crate) fn check(s: &State) {
    assert!(s.top <= s.max_top(), "top {} > max {}", s.top, s.max_top());
    if s.index.selectable.is_empty() {
        assert_eq!(s.cursor, 0);
    } else {
        assert!(s.cursor < s.index.selectable.len());
    }
    assert!(s.sidebar_top < s.index.rows.len().max(1));
    if let Some(m) = s.mention {
        let id = s.selected_entity().expect("a mention without a selection");
        assert!(m < s.doc.entities[id].mentions.len());
    }
    if let Some(q) = s.quote {
        assert!(q < s.doc.quotes.len());
    }
    if let Search::Active {
        finder,
        found: Some(f),
    } = &s.search
    {
        let shown = s
            .doc
            .text
            .get(f.hit.clone())
            .expect("a hit on char boundaries");
        assert!(finder.matches(shown), "{shown:?} for {:?}", finder.query());
        let total = f.tally.total().unwrap_or(usize::MAX);
        assert!(f.ordinal.is_none_or(|k| 1 <= k && k <= total));
    }
    assert!(s.anchor <= s.doc.text.len());
    assert!(s.quotes_cursor < s.index.quote_list.selectable.len().max(1));
    assert!(s.quotes_top < s.index.quote_list.rows.len().max(1));
    // The selected entry is on screen whenever the sidebar is.
    if let (Some(list), Some(&row)) = (s.sidebar_list(), s.index.selectable.get(s.cursor))
        && list.height > 0
        && (s.active || s.focus == Focus::Sidebar)
    {
        assert!(
            (s.sidebar_top..s.sidebar_top + usize::from(list.height)).contains(&row),
            "cursor row {row} not visible from {}",
            s.sidebar_top
        );
    }
}

#[test]
fn resize_wraps_and_keeps_the_reading_position() {
    let mut s = bundled(120, 40);
    assert_eq!(s.lines.width, s.areas.text.width);
    update(&mut s, Action::PageDown);
    update(&mut s, Action::Down);
    let pos = s.anchor;
    let line = s.top;
    update(&mut s, Action::Resize(60, 20));
    assert_ne!(s.lines.width, 80);
    let l = &s.lines.lines[s.top];
    assert!(l.span.start <= pos && pos <= l.span.end.max(l.span.start));
    let narrow = s.lines.width;
    update(&mut s, Action::Resize(120, 40));
    assert_eq!(s.top, line);
    assert_eq!(s.wrap_cache[0].width, narrow, "the narrow table is kept");
    update(&mut s, Action::Resize(1, 1));
    assert!(s.areas.too_small);
    check(&s);
    update(&mut s, Action::Resize(120, 40));
    assert_eq!(s.top, line);
}

#[test]
fn line_and_page_scrolling() {
    let mut s = bundled(80, 24);
    let h = s.text_height();
    update(&mut s, Action::Down);
    assert_eq!(s.top, 1);
    update(&mut s, Action::Up);
    update(&mut s, Action::Up);
    assert_eq!(s.top, 0);
    update(&mut s, Action::PageDown);
    assert_eq!(s.top, h - 1);
    update(&mut s, Action::PageUp);
    assert_eq!(s.top, 0);
    update(&mut s, Action::HalfPageDown);
    assert_eq!(s.top, (h - 1) / 2);
    update(&mut s, Action::HalfPageUp);
    assert_eq!(s.top, 0);
    update(&mut s, Action::Bottom);
    assert_eq!(s.top, s.max_top());
    assert_eq!(s.percent(), 100);
    update(&mut s, Action::Down);
    assert_eq!(s.top, s.max_top());
    update(&mut s, Action::Top);
    assert_eq!(s.top, 0);
    assert_eq!(s.percent(), 0);
    check(&s);
}

#[test]
fn focus_moves_between_text_and_sidebar() {
    let mut s = bundled(120, 40);
    assert_eq!(s.focus, Focus::Text);
    assert!(!s.active);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Focus::Sidebar);
    assert!(s.active);
    assert_eq!(s.selected_entity(), Some(0));
    update(&mut s, Action::FocusPrev);
    assert_eq!(s.focus, Focus::Text);
    // Down now scrolls the text again.
    update(&mut s, Action::Down);
    assert_eq!(s.top, 1);
}

#[test]
fn sidebar_keys_move_the_selection_and_switch_groups() {
    let mut s = bundled(120, 40);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Down);
    assert_eq!(s.selected_entity(), Some(1));
    assert_eq!(s.top, 0, "text does not scroll while the sidebar has focus");
    update(&mut s, Action::Up);
    update(&mut s, Action::Up);
    assert_eq!(s.selected_entity(), Some(0));
    update(&mut s, Action::NextGroup);
    let kind = |s: &State| s.doc.entities[s.selected_entity().unwrap()].kind;
    assert_eq!(kind(&s), EntityKind::Number);
    update(&mut s, Action::NextGroup);
    assert_eq!(kind(&s), EntityKind::Place);
    update(&mut s, Action::NextGroup);
    assert_eq!(kind(&s), EntityKind::Place, "Organizations is empty");
    update(&mut s, Action::Down);
    update(&mut s, Action::PrevGroup);
    assert_eq!(
        s.selected_entity(),
        Some(s.doc.entities_of(EntityKind::Place)[0])
    );
    update(&mut s, Action::PrevGroup);
    assert_eq!(kind(&s), EntityKind::Number);
    update(&mut s, Action::Bottom);
    assert_eq!(s.cursor, s.index.selectable.len() - 1);
    update(&mut s, Action::Top);
    assert_eq!(s.cursor, 0);
    update(&mut s, Action::PageDown);
    update(&mut s, Action::HalfPageUp);
    check(&s);
}

#[test]
fn long_sidebar_scrolls_to_keep_the_selection_visible() {
    let mut doc = testutil::bundled();
    // Many places: far more rows than fit.
    let base = doc.entities.len();
    for i in 0..60 {
        let mut e = doc.entities[5].clone();
        e.id = base + i;
        e.name = format!("Place {i}");
        e.mentions.truncate(1);
        doc.entities.push(e);
    }
    let mut s = sized(doc, 120, 20);
    update(&mut s, Action::FocusNext);
    for _ in 0..50 {
        update(&mut s, Action::Down);
        check(&s);
    }
    assert!(s.sidebar_top > 0);
    update(&mut s, Action::Top);
    assert_eq!(s.sidebar_top, 0);
    update(&mut s, Action::Bottom);
    check(&s);
}

#[test]
fn enter_jumps_to_the_first_mention_and_n_steps_through_mentions() {
    let mut s = bundled(80, 12);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::NextGroup); // Numbers: "15 percent", far down
    let id = s.selected_entity().unwrap();
    update(&mut s, Action::Activate);
    assert_eq!(s.focus, Focus::Text);
    assert_eq!(s.mention, Some(0));
    let first = s.doc.entities[id].mentions[0].span.clone();
    let line = s.lines.line_at(first.start);
    assert!(s.top <= line && line < s.top + s.text_height());
    assert!(s.top > 0);

    // Putin: several mentions; n and N wrap around.
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Top);
    update(&mut s, Action::Activate);
    let n = s.doc.entities[0].mentions.len();
    update(&mut s, Action::NextMatch);
    assert_eq!(s.mention, Some(1));
    update(&mut s, Action::PrevMatch);
    update(&mut s, Action::PrevMatch);
    assert_eq!(s.mention, Some(n - 1));
    update(&mut s, Action::NextMatch);
    assert_eq!(s.mention, Some(0));
    let m = s.doc.entities[0].mentions[n - 1].span.clone();
    update(&mut s, Action::PrevMatch);
    let line = s.lines.line_at(m.start);
    assert!(s.top <= line && line < s.top + s.text_height());
    check(&s);
}

#[test]
fn n_without_selection_or_search_does_nothing() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::NextMatch);
    update(&mut s, Action::PrevMatch);
    assert_eq!(s.top, 0);
    assert_eq!(s.mention, None);
}

/// Type `query` after `/` and press Enter.
pub(crate) fn search(s: &mut State, query: &str) {
    update(s, Action::SearchStart);
    for c in query.chars() {
        update(s, Action::SearchInput(c));
    }
    update(s, Action::SearchConfirm);
}

/// The current hit of the active search, `None` for no matches.
fn found(s: &State) -> Option<&Found> {
    let Search::Active { found, .. } = &s.search else {
        panic!("search not active: {:?}", s.search);
    };
    found.as_ref()
}

/// The current hit and its ordinal.
fn at(s: &State) -> (Span, Option<usize>) {
    let f = found(s).expect("a hit");
    (f.hit.clone(), f.ordinal)
}

/// The hits by their definition: one scan from the start of the text,
/// each from the leftmost occurrence after the last, `é` read as `e` and
/// case ignored unless the query has a capital (the texts of these tests
/// have no other accent).
fn full_scan(text: &str, query: &str) -> Vec<Span> {
    let cased = query.chars().any(char::is_uppercase);
    let fold = |c: char| {
        let c = if c == 'é' { 'e' } else { c };
        if cased { c } else { c.to_ascii_lowercase() }
    };
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let q: Vec<char> = query.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= chars.len() {
        if chars[i..i + q.len()]
            .iter()
            .map(|c| c.1)
            .eq(q.iter().copied())
        {
            let end = chars.get(i + q.len()).map_or(text.len(), |c| c.0);
            out.push(chars[i].0..end);
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

/// One paragraph of text, not sized: a hit moves the anchor to its start.
fn paragraph(text: &str) -> State {
    let doc = Document {
        text: text.to_string(),
        sections: vec![Section {
            kind: SectionKind::Paragraph,
            span: 0..text.len(),
        }],
        ..Document::default()
    };
    State::new(doc, "test.txt")
}

#[test]
fn search_types_confirms_steps_and_clears() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::SearchStart);
    assert_eq!(s.mode(), crate::reader::keymap::Mode::Search);
    for c in "aluminx".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchBackspace);
    update(&mut s, Action::SearchInput('u'));
    assert_eq!(s.search, Search::Typing("aluminu".into()));
    update(&mut s, Action::SearchConfirm);
    let count = s.doc.text.matches("aluminu").count();
    assert_eq!(found(&s).unwrap().tally, Tally::All(count));
    assert_eq!(at(&s).1, Some(1));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s).1, Some(2));
    update(&mut s, Action::PrevMatch);
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s).1, Some(count));
    check(&s);
    update(&mut s, Action::Cancel);
    assert_eq!(s.search, Search::Off);

    // Esc while typing cancels.
    update(&mut s, Action::SearchStart);
    update(&mut s, Action::SearchInput('x'));
    update(&mut s, Action::Cancel);
    assert_eq!(s.search, Search::Off);
}

#[test]
fn search_steps_both_ways_and_wraps_around() {
    let mut s = paragraph("one Two three two TWO end");
    search(&mut s, "two");
    assert_eq!(found(&s).unwrap().tally, Tally::All(3));
    assert_eq!(at(&s), (4..7, Some(1)));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (14..17, Some(2)));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (18..21, Some(3)));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (4..7, Some(1)), "n wraps to the first hit");
    assert_eq!(
        s.message.as_deref(),
        Some("past the last hit: back to the first")
    );
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (18..21, Some(3)), "N wraps to the last hit");
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (14..17, Some(2)));
    check(&s);
}

#[test]
fn search_starts_at_a_hit_exactly_at_the_anchor() {
    let text = "x the the the";
    let mut s = paragraph(text);
    s.anchor = 6;
    search(&mut s, "the");
    assert_eq!(at(&s), (6..9, Some(2)));
    update(&mut s, Action::Cancel);
    s.anchor = 7;
    search(&mut s, "the");
    assert_eq!(at(&s), (10..13, Some(3)));
    update(&mut s, Action::Cancel);
    s.anchor = 11;
    search(&mut s, "the");
    assert_eq!(at(&s), (2..5, Some(1)), "past the last hit: the first");
}

#[test]
fn search_ignores_accents_and_case_unless_the_query_has_a_capital() {
    let text = "Naïve NAÏVE naive NAïVE Zoë’s zoe's Łódź";
    let mut s = paragraph(text);
    search(&mut s, "naive");
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(&text[at(&s).0]);
        update(&mut s, Action::NextMatch);
    }
    assert_eq!(seen, ["Naïve", "NAÏVE", "naive", "NAïVE"]);
    assert_eq!(found(&s).unwrap().tally, Tally::All(4));
    update(&mut s, Action::Cancel);
    // Smart case: a capital letter makes case count, accents still not.
    search(&mut s, "NAIVE");
    assert_eq!(&text[at(&s).0], "NAÏVE");
    assert_eq!(found(&s).unwrap().tally, Tally::All(1));
    search(&mut s, "zoe's");
    assert_eq!(found(&s).unwrap().tally, Tally::All(2));
    assert_eq!(&text[at(&s).0], "Zoë’s");
    search(&mut s, "lodz");
    assert_eq!(&text[at(&s).0], "Łódź");
    check(&s);
}

#[test]
fn backward_search_history_and_repeats() {
    let text = "one two one three one four";
    let mut s = paragraph(text);
    s.anchor = 12;
    update(&mut s, Action::SearchBackStart);
    for c in "one".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchConfirm);
    assert_eq!(at(&s).0, 8..11, "? finds the hit before the position");
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s).0, 0..3, "n goes on backwards");
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s).0, 8..11, "N turns round");
    // Esc, then n carries on with the search put away.
    update(&mut s, Action::Cancel);
    assert_eq!(s.search, Search::Off);
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s).0, 0..3);
    // `/` Enter repeats the last search, forwards now.
    update(&mut s, Action::SearchStart);
    update(&mut s, Action::SearchConfirm);
    assert_eq!(at(&s).0, 8..11);
    assert!(!s.backward);
    // Up and Down walk the history in the prompt.
    search(&mut s, "three");
    update(&mut s, Action::SearchStart);
    update(&mut s, Action::SearchOlder);
    assert_eq!(s.search, Search::Typing("three".into()));
    update(&mut s, Action::SearchOlder);
    assert_eq!(s.search, Search::Typing("one".into()));
    update(&mut s, Action::SearchOlder);
    assert_eq!(s.search, Search::Typing("one".into()), "oldest stays");
    update(&mut s, Action::SearchNewer);
    assert_eq!(s.search, Search::Typing("three".into()));
    update(&mut s, Action::SearchNewer);
    assert_eq!(s.search, Search::Typing(String::new()));
    check(&s);
}

#[test]
fn n_with_nothing_to_continue_says_so() {
    let mut s = paragraph("plain words");
    update(&mut s, Action::NextMatch);
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("/ searches"))
    );
    update(&mut s, Action::Down);
    assert_eq!(s.message, None, "a message lasts one key");
    update(&mut s, Action::SearchStart);
    update(&mut s, Action::SearchConfirm);
    assert_eq!(s.message.as_deref(), Some("no earlier search to repeat"));
}

#[test]
fn search_without_hits_says_no_matches() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::PageDown);
    let (top, anchor) = (s.top, s.anchor);
    search(&mut s, "§§");
    assert_eq!(found(&s), None);
    update(&mut s, Action::NextMatch);
    update(&mut s, Action::PrevMatch);
    assert_eq!(found(&s), None);
    assert_eq!((s.top, s.anchor), (top, anchor), "nothing to show: stay");
    check(&s);
}

#[test]
fn search_hits_do_not_overlap() {
    let mut s = paragraph("aaaaa");
    search(&mut s, "aaa");
    assert_eq!(at(&s), (0..3, Some(1)));
    assert_eq!(found(&s).unwrap().tally, Tally::All(1));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (0..3, Some(1)));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (0..3, Some(1)));

    // From inside a run, the hits are still those of a scan from the start.
    let mut s = paragraph("aaaaaaa");
    s.anchor = 1;
    search(&mut s, "aaa");
    assert_eq!(at(&s), (3..6, Some(2)));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (0..3, Some(1)));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (3..6, Some(2)));
}

#[test]
fn search_backwards_across_a_long_gap() {
    // Far more than the first backward window between the two hits.
    let text = format!("needle {}needle end", "hay ".repeat(100_000));
    let last = text.rfind("needle").unwrap();
    let mut s = paragraph(&text);
    s.anchor = last;
    search(&mut s, "needle");
    assert_eq!(at(&s), (last..last + 6, Some(2)));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (0..6, Some(1)));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), (last..last + 6, Some(2)), "N wraps over the gap");
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (0..6, Some(1)));
}

#[test]
fn search_counts_up_to_a_limit() {
    let n = COUNT_LIMIT + 5;
    let mut s = paragraph(&"ab ".repeat(n));
    search(&mut s, "ab");
    let last_counted = (COUNT_LIMIT - 1) * 3;
    assert_eq!(found(&s).unwrap().tally, Tally::Over { last_counted });
    assert_eq!(at(&s).1, Some(1));
    for _ in 1..COUNT_LIMIT {
        update(&mut s, Action::NextMatch);
    }
    assert_eq!(at(&s), (last_counted..last_counted + 2, Some(COUNT_LIMIT)));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s).1, None, "past the limit: not counted");
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s).1, Some(COUNT_LIMIT), "back at the limit: counted");
    for _ in 1..COUNT_LIMIT {
        update(&mut s, Action::PrevMatch);
    }
    assert_eq!(at(&s).1, Some(1));
    update(&mut s, Action::PrevMatch);
    assert_eq!(at(&s), ((n - 1) * 3..n * 3 - 1, None), "the last one");
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s), (0..2, Some(1)));
    check(&s);
}

#[test]
fn search_confirm_counts_from_the_start_wherever_it_stands() {
    let n = COUNT_LIMIT + 5;
    let text = format!("{} tail", "ab ".repeat(n));
    for (anchor, hit, ordinal) in [
        // Among the counted hits: found by the count's scan.
        (3 * 10, 30..32, Some(11)),
        // Past them: looked for, not counted.
        (3 * (n - 2), 3 * (n - 2)..3 * (n - 2) + 2, None),
        // After every hit: round to the first.
        (text.len() - 2, 0..2, Some(1)),
    ] {
        let mut s = paragraph(&text);
        s.anchor = anchor;
        search(&mut s, "ab");
        assert_eq!(at(&s), (hit, ordinal), "from {anchor}");
    }
    let mut s = paragraph("one ab two ab three");
    s.anchor = 15;
    search(&mut s, "ab");
    assert_eq!(at(&s), (4..6, Some(1)), "few hits, all before: the first");
    assert_eq!(found(&s).unwrap().tally, Tally::All(2));
}

/// Pieces of generated texts: letters that fold, a letter that does not,
/// and stretches longer than the first backward window, of a letter that
/// queries overlap in or of one they never match.
const PIECES: &[&str] = &["a", "A", "b", "é", " ", "ab", "aa", "x"];

fn piece() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        16 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => (1000..2000usize).prop_map(|n| "x".repeat(n)),
        1 => (1030..1300usize).prop_map(|n| "a".repeat(n)),
    ]
}

/// Confirm `query` from `anchor` and return the hit found.
fn first_hit(text: &str, query: &str, anchor: usize) -> Option<Span> {
    let mut s = paragraph(text);
    s.anchor = anchor;
    search(&mut s, query);
    found(&s).map(|f| f.hit.clone())
}

/// What the status line may know of the `k`-th hit (0-based): its number
/// among the first [`COUNT_LIMIT`], nothing past them.
fn ordinal(k: usize) -> Option<usize> {
    (k < COUNT_LIMIT).then_some(k + 1)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn stepping_visits_the_same_hits_as_a_full_scan(
        pieces in proptest::collection::vec(piece(), 0..60),
        query in "[aAbé]{1,3}",
        start in proptest::prelude::any::<proptest::sample::Index>(),
    ) {
        let text = pieces.concat();
        let all = full_scan(&text, &query);
        let mut s = paragraph(&text);
        let mut anchor = start.index(text.len() + 1);
        while !text.is_char_boundary(anchor) {
            anchor -= 1;
        }
        s.anchor = anchor;
        search(&mut s, &query);
        if all.is_empty() {
            proptest::prop_assert_eq!(found(&s), None);
            return Ok(());
        }
        let n = all.len();
        let tally = match all.get(COUNT_LIMIT - 1) {
            Some(h) if n > COUNT_LIMIT => Tally::Over { last_counted: h.start },
            _ => Tally::All(n),
        };
        proptest::prop_assert_eq!(found(&s).unwrap().tally, tally);
        let first = all.iter().position(|h| h.start >= anchor).unwrap_or(0);
        for (step, k) in (first..).map(|i| i % n).take(n + 1).enumerate() {
            proptest::prop_assert_eq!(at(&s), (all[k].clone(), ordinal(k)), "forward step {}", step);
            update(&mut s, Action::NextMatch);
        }
        for k in (0..=first).rev().chain((0..n).rev()) {
            update(&mut s, Action::PrevMatch);
            proptest::prop_assert_eq!(at(&s), (all[k].clone(), ordinal(k)), "backward");
        }
        check(&s);
        // From inside a hit, where an occurrence that is no hit may start
        // (a sample of them: each confirm counts the hits again).
        for (i, h) in all.iter().enumerate().step_by(n / 16 + 1) {
            if text.is_char_boundary(h.start + 1) {
                let next = all.get(i + 1).unwrap_or(&all[0]);
                proptest::prop_assert_eq!(first_hit(&text, &query, h.start + 1), Some(next.clone()));
            }
        }
    }
}

#[test]
fn search_hits_win_over_mentions_for_n() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Activate);
    update(&mut s, Action::SearchStart);
    update(&mut s, Action::SearchInput('d'));
    update(&mut s, Action::SearchInput('e'));
    update(&mut s, Action::SearchInput('a'));
    update(&mut s, Action::SearchInput('l'));
    update(&mut s, Action::SearchConfirm);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.mention, Some(0), "n steps the search, not the mention");
    update(&mut s, Action::Cancel);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.mention, Some(1));
}

#[test]
fn quotes_step_and_follow_the_selected_speaker() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::NextQuote);
    let first = s.index.quotes[0];
    assert_eq!(s.quote, Some(first));
    update(&mut s, Action::NextQuote);
    assert_eq!(s.quote, Some(s.index.quotes[1]));
    update(&mut s, Action::PrevQuote);
    update(&mut s, Action::PrevQuote);
    assert_eq!(s.quote, Some(*s.index.quotes.last().unwrap()));

    // c selects a speaker and goes to their quote; ] stays with them.
    update(&mut s, Action::Top);
    update(&mut s, Action::CycleSpeaker);
    let who = s.selected_speaker().unwrap();
    assert_eq!(who, s.index.speakers[0]);
    assert_eq!(s.doc.quotes[s.quote.unwrap()].speaker, Some(who));
    for _ in 0..5 {
        update(&mut s, Action::NextQuote);
        assert_eq!(s.doc.quotes[s.quote.unwrap()].speaker, Some(who));
    }
    update(&mut s, Action::CycleSpeaker);
    assert_eq!(s.selected_speaker(), Some(s.index.speakers[1]));
    for _ in 0..s.index.speakers.len() - 1 {
        update(&mut s, Action::CycleSpeaker);
    }
    assert_eq!(s.selected_speaker(), Some(s.index.speakers[0]), "wraps");
    check(&s);
}

#[test]
fn sections_step_by_headings_or_paragraphs() {
    let mut s = sized(with_headings(), 80, 10);
    assert_eq!(s.index.headings, [1, 3, 5]);
    update(&mut s, Action::NextSection);
    assert_eq!(s.anchor, s.doc.sections[1].span.start);
    assert_eq!(s.current_heading(), Some(1));
    update(&mut s, Action::NextSection);
    assert_eq!(s.current_heading(), Some(3));
    update(&mut s, Action::PrevSection);
    assert_eq!(s.current_heading(), Some(1));
    update(&mut s, Action::PrevSection);
    assert_eq!(
        s.current_heading(),
        Some(1),
        "nothing before the first heading"
    );
    // Without headings, paragraphs.
    let mut p = bundled(80, 24);
    update(&mut p, Action::NextSection);
    assert_eq!(p.anchor, p.doc.sections[1].span.start);
    assert_eq!(p.current_heading(), None);
    check(&s);
}

#[test]
fn outline_comes_first_and_enter_jumps_to_a_heading() {
    let mut s = sized(with_headings(), 80, 10);
    assert_eq!(
        s.index.rows[0],
        Row::Header(crate::reader::index::Group::Outline)
    );
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    assert_eq!(s.cursor_row(), Some(Row::Heading(5)));
    update(&mut s, Action::Activate);
    assert_eq!(s.focus, Focus::Text);
    assert_eq!(s.current_heading(), Some(5));
    check(&s);
}

#[test]
fn toggles() {
    let mut s = bundled(120, 40);
    update(&mut s, Action::ToggleKinds);
    assert!(!s.show_kinds);
    update(&mut s, Action::ToggleKinds);
    assert!(s.show_kinds);
    update(&mut s, Action::ToggleHelp);
    assert!(s.help);
    assert_eq!(s.mode(), crate::reader::keymap::Mode::Help);
    update(&mut s, Action::Cancel);
    assert!(!s.help);
    // Wide: s hides the sidebar and gives the text the width; Tab or s
    // brings it back.
    let width = s.areas.article.width;
    update(&mut s, Action::ToggleSidebar);
    assert!(s.areas.sidebar.is_none() && !s.overlay_open);
    assert!(s.areas.article.width > width);
    check(&s);
    update(&mut s, Action::FocusNext);
    assert!(s.areas.sidebar.is_some() && s.focus == Focus::Sidebar);
    update(&mut s, Action::ToggleSidebar);
    assert!(s.areas.sidebar.is_none() && s.focus == Focus::Text);
    update(&mut s, Action::Resize(60, 20));
    update(&mut s, Action::Resize(120, 40));
    assert!(s.areas.sidebar.is_none(), "hidden at any width until shown");
    update(&mut s, Action::ToggleSidebar);
    assert!(s.areas.sidebar.is_some());
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn counts_repeat_and_go_to_a_line_or_percent() {
    let mut s = bundled(80, 24);
    update(&mut s, Action::Count(1));
    update(&mut s, Action::Count(2));
    assert_eq!(s.count, Some(12));
    update(&mut s, Action::Down);
    assert_eq!((s.top, s.count), (12, None));
    update(&mut s, Action::Count(3));
    update(&mut s, Action::Up);
    assert_eq!(s.top, 9);
    update(&mut s, Action::Count(5));
    update(&mut s, Action::Top);
    assert_eq!(s.top, 4, "5g: the fifth line on top");
    update(&mut s, Action::Top);
    assert_eq!(s.top, 0);
    update(&mut s, Action::Count(5));
    update(&mut s, Action::Count(0));
    update(&mut s, Action::Percent);
    assert_eq!(s.top, s.max_top() / 2);
    assert_eq!(s.percent(), 50);
    update(&mut s, Action::Percent);
    assert_eq!(s.top, 0, "no count: the start");
    // 3n: the third hit from here.
    search(&mut s, "the");
    let first = at(&s).1.unwrap();
    update(&mut s, Action::Count(3));
    update(&mut s, Action::NextMatch);
    assert_eq!(at(&s).1, Some(first + 3));
    check(&s);
}

#[test]
fn q_and_esc_close_views_and_q_on_the_text_quits() {
    let mut s = bundled(120, 40);
    for view in [Action::ToggleQuotes, Action::ToggleMap] {
        for close in [Action::Quit, Action::Cancel] {
            update(&mut s, view);
            assert_ne!(s.view, View::Article);
            update(&mut s, close);
            assert_eq!(s.view, View::Article);
            assert!(!s.quit);
        }
    }
    update(&mut s, Action::ToggleQuotes);
    update(&mut s, Action::Interrupt);
    assert!(s.quit, "Ctrl-C quits from a view");
    // On a narrow screen the sidebar over the text closes first.
    let mut s = bundled(60, 20);
    update(&mut s, Action::ToggleSidebar);
    assert!(s.overlay_open);
    update(&mut s, Action::Quit);
    assert!(!s.overlay_open && !s.quit);
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn narrow_sidebar_is_an_overlay() {
    let mut s = bundled(60, 20);
    assert!(s.areas.overlay && s.areas.sidebar.is_none());
    update(&mut s, Action::ToggleSidebar);
    assert!(s.areas.sidebar.is_some());
    assert_eq!(s.focus, Focus::Sidebar);
    update(&mut s, Action::ToggleSidebar);
    assert!(s.areas.sidebar.is_none());
    assert_eq!(s.focus, Focus::Text);
    // Tab opens it, Enter closes it.
    update(&mut s, Action::FocusNext);
    assert!(s.areas.sidebar.is_some());
    update(&mut s, Action::Activate);
    assert!(s.areas.sidebar.is_none());
    // Esc closes it too.
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Cancel);
    assert!(s.areas.sidebar.is_none());
    // Growing wide shows it beside the text.
    update(&mut s, Action::Resize(100, 30));
    assert!(!s.areas.overlay && s.areas.sidebar.is_some());
    check(&s);
}

#[test]
fn escape_clears_the_selection() {
    let mut s = bundled(120, 40);
    update(&mut s, Action::FocusNext);
    update(&mut s, Action::Activate);
    update(&mut s, Action::NextQuote);
    assert!(s.selected_entity().is_some());
    update(&mut s, Action::Cancel);
    assert_eq!(s.selected_entity(), None);
    assert_eq!(s.mention, None);
    assert_eq!(s.quote, None);
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = bundled(120, 20);
    update(
        &mut s,
        Action::Wheel {
            x: 5,
            y: 5,
            down: true,
        },
    );
    assert_eq!(s.top, WHEEL_LINES);
    update(
        &mut s,
        Action::Wheel {
            x: 5,
            y: 5,
            down: false,
        },
    );
    assert_eq!(s.top, 0);
    let side = s.areas.sidebar.unwrap();
    update(
        &mut s,
        Action::Wheel {
            x: side.x + 3,
            y: 2,
            down: true,
        },
    );
    assert_eq!(s.top, 0);
    let list_h = usize::from(s.sidebar_list().unwrap().height);
    assert_eq!(
        s.sidebar_top,
        WHEEL_LINES.min(s.index.rows.len().saturating_sub(list_h))
    );
    // Status line: nothing.
    update(
        &mut s,
        Action::Wheel {
            x: 5,
            y: 19,
            down: true,
        },
    );
    assert_eq!(s.top, 0);
    check(&s);
}

#[test]
fn clicks_select_sidebar_entries_and_mentions() {
    let mut s = bundled(120, 40);
    let list = s.sidebar_list().unwrap();
    // Row 2 of the sidebar is the second person.
    update(
        &mut s,
        Action::Click {
            x: list.x + 2,
            y: list.y + 2,
        },
    );
    assert_eq!(s.selected_entity(), Some(1));
    assert_eq!(s.focus, Focus::Sidebar);
    // A click on a header selects nothing new.
    update(
        &mut s,
        Action::Click {
            x: list.x + 2,
            y: list.y,
        },
    );
    assert_eq!(s.selected_entity(), Some(1));

    // Click on the first "Putin" of the text (title line).
    update(&mut s, Action::Cancel);
    let t = s.areas.text;
    update(&mut s, Action::Click { x: t.x + 1, y: t.y });
    assert_eq!(s.selected_entity(), Some(0));
    assert_eq!(s.mention, Some(0));
    // A click on plain text changes nothing.
    update(&mut s, Action::Click { x: t.x + 8, y: t.y });
    assert_eq!(s.selected_entity(), Some(0));
    check(&s);
}

#[test]
fn byte_at_maps_cells_to_text() {
    let s = bundled(120, 40);
    let t = s.areas.text;
    assert_eq!(s.byte_at(t.x, t.y), Some(0));
    assert_eq!(s.byte_at(t.x + 1, t.y), Some(1));
    assert_eq!(s.byte_at(t.x, t.y + 1), None, "blank line");
    assert_eq!(s.byte_at(0, 39), None, "status line");
}

#[test]
fn empty_document_and_no_entities_are_fine() {
    let mut s = sized(Document::default(), 80, 24);
    for a in [
        Action::Down,
        Action::Bottom,
        Action::FocusNext,
        Action::NextGroup,
        Action::Activate,
        Action::NextMatch,
        Action::NextQuote,
        Action::CycleSpeaker,
        Action::NextSection,
        Action::PrevSection,
        Action::Click { x: 70, y: 3 },
        Action::Wheel {
            x: 70,
            y: 3,
            down: true,
        },
    ] {
        update(&mut s, a);
        check(&s);
    }
    assert_eq!(s.percent(), 100);
}

/// A small deterministic generator, so the test needs no extra crate.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub(crate) fn random_action(rng: &mut Rng) -> Action {
    let simple = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::NextGroup,
        Action::PrevGroup,
        Action::Activate,
        Action::NextMatch,
        Action::PrevMatch,
        Action::NextQuote,
        Action::PrevQuote,
        Action::CycleSpeaker,
        Action::NextSection,
        Action::PrevSection,
        Action::ToggleSidebar,
        Action::ToggleKinds,
        Action::ToggleHelp,
        Action::SearchStart,
        Action::SearchBackspace,
        Action::SearchConfirm,
        Action::Cancel,
        Action::ToggleMap,
        Action::ToggleQuotes,
        Action::ToggleTimeline,
        Action::Percent,
        Action::SearchBackStart,
        Action::SearchOlder,
        Action::SearchNewer,
        Action::CopyQuote,
        Action::FixSpeaker,
        Action::FixKind,
        Action::FixRename,
        Action::FixMerge,
        Action::FixDrop,
        Action::Undo,
    ];
    match rng.below(11) {
        4 => Action::Count(rng.below(10) as u8),
        0 => Action::Resize(rng.below(130) as u16, rng.below(45) as u16),
        1 => Action::SearchInput(['e', 'a', 'P', ' ', 'ü'][rng.below(5) as usize]),
        2 => Action::Click {
            x: rng.below(130) as u16,
            y: rng.below(45) as u16,
        },
        3 => Action::Wheel {
            x: rng.below(130) as u16,
            y: rng.below(45) as u16,
            down: rng.below(2) == 0,
        },
        _ => simple[rng.below(simple.len() as u64) as usize],
    }
}

pub(crate) fn rng(seed: u64) -> Rng {
    Rng(seed.max(1))
}

#[test]
fn random_actions_keep_the_invariants() {
    for (seed, doc) in [
        (7, testutil::bundled()),
        (11, with_headings()),
        (13, testutil::doc_with_people()),
    ] {
        let mut r = rng(seed);
        let mut s = sized(doc, 80, 24);
        for _ in 0..3000 {
            let a = random_action(&mut r);
            if a == Action::Quit {
                continue;
            }
            eprintln!("{a:?}");
            update(&mut s, a);
            check(&s);
        }
    }
}

#[test]
fn analysis_arriving_later_fills_the_sidebar_and_keeps_the_place() {
    let analyzed = Document::analyze(crate::source::input::BUNDLED);
    let parsed = Document::parse(crate::source::input::BUNDLED);
    let mut state = State::pending(parsed, "bundled");
    update(&mut state, Action::Resize(120, 40));
    assert!(state.analyzing);
    assert!(state.doc.entities.is_empty());
    update(&mut state, Action::PageDown);
    let (top, lines) = (state.top, state.lines.len());
    analysis_done(&mut state, analyzed.clone());
    assert!(!state.analyzing);
    assert_eq!(state.doc.entities.len(), analyzed.entities.len());
    assert!(!state.index.selectable.is_empty());
    assert_eq!((state.top, state.lines.len()), (top, lines));
    // A result for another text is ignored.
    let mut other = State::pending(Document::parse("Other\nText."), "other");
    analysis_done(&mut other, analyzed);
    assert!(other.analyzing && other.doc.entities.is_empty());
}

/// Type an answer into the open prompt and press Enter.
fn answer(s: &mut State, text: &str) {
    assert_eq!(
        s.mode(),
        crate::reader::keymap::Mode::Search,
        "a prompt is open"
    );
    for c in text.chars() {
        update(s, Action::SearchInput(c));
    }
    update(s, Action::SearchConfirm);
}

fn entity(s: &State, name: &str) -> Option<EntityId> {
    s.doc.entities.iter().position(|e| e.name == name)
}

#[test]
fn a_quote_gets_another_speaker_and_undo_takes_it_back() {
    let mut s = bundled(120, 40);
    update(&mut s, Action::NextQuote);
    let q = s.quote.unwrap();
    let before = s.doc.quotes[q].speaker;
    let macron = entity(&s, "Emmanuel Macron").unwrap();
    assert_ne!(before, Some(macron));
    update(&mut s, Action::FixSpeaker);
    answer(&mut s, "macron");
    assert_eq!(s.doc.quotes[q].speaker, entity(&s, "Emmanuel Macron"));
    assert_eq!(
        s.doc.quotes[q].attribution.rule,
        crate::model::Rule::Corrected
    );
    assert!(s.fixes_changed && s.message.as_deref().unwrap().contains("U undoes"));
    assert!(s.is_corrected(entity(&s, "Emmanuel Macron").unwrap()));
    // No one said it.
    update(&mut s, Action::FixSpeaker);
    answer(&mut s, "-");
    assert_eq!(s.doc.quotes[q].speaker, None);
    // A name that fits no one, or several, is refused with a message.
    update(&mut s, Action::FixSpeaker);
    answer(&mut s, "Zebulon");
    assert!(s.message.as_deref().unwrap().contains("no one called"));
    assert_eq!(s.fixes.len(), 2);
    update(&mut s, Action::Undo);
    update(&mut s, Action::Undo);
    assert_eq!(s.doc.quotes[q].speaker, before);
    assert_ne!(
        s.doc.quotes[q].attribution.rule,
        crate::model::Rule::Corrected
    );
    update(&mut s, Action::Undo);
    assert_eq!(s.message.as_deref(), Some("no correction to undo"));
    check(&s);
}

#[test]
fn entities_are_corrected_from_the_sidebar() {
    let mut s = bundled(120, 40);
    let analyzed = s.doc.entities.clone();
    let id = entity(&s, "Boris Johnson").unwrap();
    update(&mut s, Action::FixKind);
    assert!(s.message.as_deref().unwrap().contains("select an entry"));
    select_entity(&mut s, id);
    update(&mut s, Action::FixKind);
    let id = entity(&s, "Boris Johnson").unwrap();
    assert_eq!(s.doc.entities[id].kind, EntityKind::Place);
    assert_eq!(s.selected_entity(), Some(id), "the selection follows");
    update(&mut s, Action::FixRename);
    answer(&mut s, "Alexander Johnson");
    let id = entity(&s, "Alexander Johnson").expect("renamed");
    let quotes = s
        .doc
        .quotes
        .iter()
        .filter(|q| q.speaker == Some(id))
        .count();
    assert!(quotes > 0);
    update(&mut s, Action::FixMerge);
    answer(&mut s, "Donald Trump");
    assert!(entity(&s, "Alexander Johnson").is_none());
    let trump = entity(&s, "Donald Trump").unwrap();
    assert_eq!(
        s.selected_entity(),
        Some(trump),
        "the merged entity selected"
    );
    let marks = Timeline::build(&s.doc, &s.lines, trump);
    assert_eq!(s.marks.key, marks.key);
    assert_eq!(
        s.marks.lines, marks.lines,
        "the timeline shows the merged mentions"
    );
    assert!(
        s.doc
            .quotes
            .iter()
            .filter(|q| q.speaker == Some(trump))
            .count()
            > quotes
    );
    let bessent = entity(&s, "Scott Bessent").unwrap();
    select_entity(&mut s, bessent);
    update(&mut s, Action::FixDrop);
    assert!(entity(&s, "Scott Bessent").is_none());
    assert_eq!(s.fixes.len(), 4);
    check(&s);
    // Undone one by one, back to the analysis.
    for _ in 0..4 {
        update(&mut s, Action::Undo);
    }
    assert_eq!(s.doc.entities, analyzed);
    check(&s);
}

#[test]
fn in_the_quotes_view_the_cursor_stays_on_the_corrected_quote() {
    let mut s = bundled(120, 40);
    update(&mut s, Action::ToggleQuotes);
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    let q = s.current_quote().expect("on a quote");
    update(&mut s, Action::FixSpeaker);
    answer(&mut s, "bessent");
    assert_eq!(s.current_quote(), Some(q));
    assert_eq!(s.doc.quotes[q].speaker, entity(&s, "Scott Bessent"));
    update(&mut s, Action::Undo);
    assert_eq!(s.current_quote(), Some(q));
    check(&s);
}

/// A book-length text of long paragraphs, and its start cut after a line.
fn book_and_its_start() -> (String, String) {
    let paragraph = "A storm came in off the bay before dawn, and by noon the harbor \
        master had closed the outer moorings, moved the ferries to the inner basin \
        and asked every skipper with a small boat to stay ashore until the wind \
        turned. Nobody argued; the older crews had seen this weather before.";
    let mut book = String::from("The Harbor Years\n\n");
    let mut n = 0;
    while book.len() <= 600 * 1024 {
        n += 1;
        book.push_str(&format!("{n}. {paragraph}\n\n"));
    }
    let cut = book[..16 * 1024].rfind('\n').unwrap() + 1;
    let start = book[..cut].to_string();
    (book, start)
}

#[test]
fn a_preview_breaks_its_lines_as_the_whole_book_will() {
    let (book, start) = book_and_its_start();
    let preview = Document::outline(&start);
    // A width at which the two fits break these paragraphs differently: a
    // preview broken by its own (short) length would reflow there once
    // the book is read.
    let width = (30..100)
        .find(|&w| {
            LineTable::wrap(&preview, w, Fit::Optimal).lines
                != LineTable::wrap(&preview, w, Fit::First).lines
        })
        .expect("a width where optimal and first fit differ");
    let mut s = State::preview(preview, "book.txt", book.len() as u64);
    update(&mut s, Action::Resize(width + 40, 30));
    let screen = |s: &State| -> Vec<String> {
        s.lines.lines[..30]
            .iter()
            .map(|l| s.doc.text[l.span.clone()].to_string())
            .collect()
    };
    let before = screen(&s);
    // What the worker sends once the whole is read: the book wrapped at the
    // preview's width with the preview's fit.
    let whole = Document::outline(&book);
    assert_eq!(s.fit, Fit::of(&whole));
    let lines = LineTable::wrap(&whole, s.lines.width, s.fit);
    let index = Index::build(&whole);
    text_done(&mut s, whole, index, lines);
    assert!(!s.partial);
    assert_eq!(screen(&s), before);
}

#[test]
fn the_first_screen_is_laid_out_alone_and_any_action_lays_out_the_rest() {
    let doc = Document::analyze(&testutil::bundled().text.repeat(4));
    let mut whole = State::new(doc.clone(), "a.txt");
    update(&mut whole, Action::Resize(100, 30));
    let mut s = State::new(doc, "a.txt");
    first_screen(&mut s, 100, 30);
    assert!(s.lines.len() < whole.lines.len());
    let shown = s.top..s.top + s.text_height();
    assert_eq!(s.lines.lines[shown.clone()], whole.lines.lines[shown]);
    // An action first lays out the rest, as the event loop's settle does.
    let mut acted = s.clone();
    update(&mut acted, Action::Down);
    assert_eq!(acted.lines, whole.lines);
    assert!(settle(&mut s));
    assert_eq!(s.lines, whole.lines);
    assert!(!settle(&mut s));
}
