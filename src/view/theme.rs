//! Colors and styles. Speaker colors are mid-tone 256-color entries that read
//! on dark and light backgrounds; entity kinds get soft pastel underlines
//! (displaCy-like). Without color (NO_COLOR) only modifiers are used.

use ratatui::style::{Color, Modifier, Style};

use crate::document::EntityKind;
use crate::index::SPEAKER_COLORS;

/// Speaker palette (xterm-256 indices): blue, orange, green, magenta, teal,
/// ochre, violet, brick.
const SPEAKERS: [u8; SPEAKER_COLORS] = [33, 166, 35, 163, 37, 136, 98, 167];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn speaker_color(self, slot: usize) -> Color {
        Color::Indexed(SPEAKERS[slot % SPEAKER_COLORS])
    }

    /// A quote by a speaker with this palette slot.
    pub fn quote(self, slot: usize) -> Style {
        if self.color {
            Style::new().fg(self.speaker_color(slot))
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    /// A quote nobody is credited with.
    pub fn unattributed(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The selected person's quotes.
    pub fn emphasized(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Other quotes while a person is selected.
    pub fn quieted(self) -> Style {
        Style::new()
            .fg(Color::Reset)
            .add_modifier(Modifier::DIM)
            .remove_modifier(Modifier::BOLD)
    }

    /// Subtle style of a mention, by entity kind.
    pub fn kind(self, kind: EntityKind) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match kind {
            EntityKind::Person => 183,       // lilac
            EntityKind::Place => 222,        // amber
            EntityKind::Number => 152,       // pale blue-grey
            EntityKind::Organization => 151, // pale green
        };
        Style::new()
            .add_modifier(Modifier::UNDERLINED)
            .underline_color(Color::Indexed(c))
    }

    /// Bars and markers drawn in an entity kind's color.
    pub fn kind_bar(self, kind: EntityKind) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match kind {
            EntityKind::Person => 141,
            EntityKind::Place => 214,
            EntityKind::Number => 110,
            EntityKind::Organization => 108,
        };
        Style::new().fg(Color::Indexed(c))
    }

    /// Mentions of the selected entity.
    pub fn selected_mention(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The current mention (after n/N).
    pub fn current_mention(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn search_hit(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Indexed(228))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn current_hit(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(208))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Stand-ins for control characters.
    pub fn placeholder(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dek(self) -> Style {
        self.fg(Color::Indexed(244)).add_modifier(Modifier::ITALIC)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn quiet(self) -> Style {
        self.fg(Color::Indexed(244))
    }

    pub fn group(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The sidebar cursor: reversed while the sidebar has focus, bold and
    /// underlined while the text has it.
    pub fn cursor(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Indexed(33))
        } else {
            self.quiet()
        }
    }
}
